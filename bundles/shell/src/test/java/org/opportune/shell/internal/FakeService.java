package org.opportune.shell.internal;

import java.util.List;
import java.util.Optional;

import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.caller.Caller;
import org.opportune.api.caller.CallerContext;
import org.opportune.persistence.ThreadCallerContext;

/**
 * What the tests' in-memory services share: their records, found and listed as the services find
 * and list them, the last list asked for, and the context whose caller they record as
 * {@code changedBy}, as the modules do.
 *
 * @param <T> the view of a record
 * @param <Q> the filters of a list
 */
public abstract class FakeService<T, Q> {
    protected final Rows<T> rows;
    private final List<String> sortFields;
    public final CallerContext callers = new ThreadCallerContext();
    public Q lastQuery;
    public PageRequest lastPage;
    /** The caller bound when the last list was asked for. */
    public Caller lastListedFor;

    /** @param sortFields the fields a list may be sorted by */
    protected FakeService(Rows<T> rows, List<String> sortFields) {
        this.rows = rows;
        this.sortFields = sortFields;
    }

    /** @return whether the record passes the filters */
    protected abstract boolean matches(Q query, T record);

    public Optional<T> find(String key) {
        return rows.find(key);
    }

    public T get(String key) {
        return rows.get(key);
    }

    public Page<T> list(Q query, PageRequest page) {
        lastQuery = query;
        lastPage = page;
        lastListedFor = callers.current();
        return Pages.of(rows.stream().filter(record -> matches(query, record)).toList(), page, sortFields);
    }

    /** @return who writes now: the user name of the caller bound */
    protected String changedBy() {
        return callers.current().userName();
    }
}
