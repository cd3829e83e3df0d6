package org.opportune.shell.internal.salesperson;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "salesperson", name = "unblock", description = "Unblocks a salesperson")
public class UnblockSalesperson extends ChangeBlocked {

    @Override
    protected boolean blocked() {
        return false;
    }
}
