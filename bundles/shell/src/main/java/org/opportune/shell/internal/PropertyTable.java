package org.opportune.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.support.table.ShellTable;

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

    public void print(PrintStream out) {
        table.print(out);
    }
}
