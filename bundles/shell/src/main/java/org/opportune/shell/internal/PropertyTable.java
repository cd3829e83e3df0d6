package org.opportune.shell.internal;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.apache.karaf.shell.support.table.ShellTable;
import org.opportune.api.Audited;

/** The two columns a show command prints: the name of each property of one record and its value. */
public final class PropertyTable {
    private final ShellTable table = new ShellTable().noHeaders();

    public PropertyTable() {
        table.column("Property");
        table.column("Value");
    }

    /** Adds a row; an absent value prints as an empty cell. */
    public PropertyTable add(String property, Object value) {
        table.addRow().addContent(property, value == null ? "" : value);
        return this;
    }

    /** Adds who changed the record last and when, in UTC to the second; empty for records older than that. */
    public PropertyTable changed(Audited record) {
        Instant changedAt = record.changedAt();
        return add("Changed By", record.changedBy())
                .add("Changed At", changedAt == null ? null : changedAt.truncatedTo(ChronoUnit.SECONDS));
    }

    public void print(PrintStream out) {
        table.print(out);
    }
}
