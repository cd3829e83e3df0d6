package org.opportune.shell.internal.report;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.report.ReportInfo;
import org.opportune.api.report.ReportService;
import org.opportune.shell.internal.KeyCompleter;

/** Completes the ids of the reports registered now. */
@Service
public class ReportIdCompleter extends KeyCompleter {

    @Reference(optional = true)
    private ReportService reports;

    @Override
    protected List<String> keys(String typed) {
        return available(reports).reports().stream().map(ReportInfo::id).filter(id -> id.startsWith(typed)).toList();
    }
}
