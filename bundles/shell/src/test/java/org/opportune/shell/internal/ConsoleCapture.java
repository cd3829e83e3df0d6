package org.opportune.shell.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.rules.ExternalResource;

/** Captures what a command prints on System.out and System.err, and restores both afterwards. */
public final class ConsoleCapture extends ExternalResource {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @Override
    protected void before() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Override
    protected void after() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    public String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    public String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The lines printed on System.out. */
    public String[] outLines() {
        return out().split("\\R");
    }

    /**
     * The rows of the table printed on System.out (header row included), split into trimmed cells;
     * accepts both the ASCII and the Unicode column separator of Karaf's ShellTable.
     */
    public List<List<String>> tableRows() {
        List<List<String>> rows = new ArrayList<>();
        for (String line : outLines()) {
            // the test data holds no bar, and Karaf trims a row's trailing blanks
            if (line.indexOf('|') >= 0 || line.indexOf('\u2502') >= 0) {
                rows.add(Arrays.stream(line.split("[|\u2502]", -1)).map(String::trim).toList());
            }
        }
        return rows;
    }

    /** The rows of the table printed on System.out, each as its cells joined by {@code " | "}. */
    public List<String> tableLines() {
        return tableRows().stream().map(cells -> String.join(" | ", cells)).toList();
    }
}
