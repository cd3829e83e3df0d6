package org.opportune.shell.internal;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.karaf.shell.support.table.ShellTable;

/**
 * The table a command prints of its records, one row each: every column names what it shows of a
 * record. An absent value prints as an empty cell.
 */
public final class RecordTable<T> {
    private record Column<T>(String header, boolean number, Function<? super T, ?> cell) {
    }

    private final List<Column<T>> columns = new ArrayList<>();

    /** Adds a column of text, aligned left. */
    public RecordTable<T> column(String header, Function<? super T, ?> cell) {
        columns.add(new Column<>(header, false, cell));
        return this;
    }

    /** Adds a column of numbers, aligned right. */
    public RecordTable<T> number(String header, Function<? super T, ?> cell) {
        columns.add(new Column<>(header, true, cell));
        return this;
    }

    /** Adds a column of amounts, with 2 decimals (see {@link Amounts}). */
    public RecordTable<T> amount(String header, Function<? super T, BigDecimal> cell) {
        return number(header, record -> Amounts.format(cell.apply(record)));
    }

    /** Adds a column of percentages, with up to 2 decimals (see {@link OpportuneCommand#percent}). */
    public RecordTable<T> percent(String header, Function<? super T, BigDecimal> cell) {
        return number(header, record -> OpportuneCommand.percent(cell.apply(record)));
    }

    /** Prints the records with a header and borders. */
    public void print(Iterable<? extends T> records, PrintStream out) {
        print(records, out, true);
    }

    /** @param format false for tab-separated rows without header, as Karaf's own lists do */
    public void print(Iterable<? extends T> records, PrintStream out, boolean format) {
        ShellTable table = new ShellTable();
        for (Column<T> column : columns) {
            if (column.number()) {
                table.column(column.header()).alignRight();
            } else {
                table.column(column.header());
            }
        }
        for (T record : records) {
            table.addRow().addContent(columns.stream().map(column -> (Object) column.cell().apply(record)).toList());
        }
        table.print(out, format);
    }
}
