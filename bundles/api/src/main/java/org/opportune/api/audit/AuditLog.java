package org.opportune.api.audit;

import java.util.List;

import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/** Reads the audit log (an OSGi service of the persistence module); the modules write it with their changes. */
@ProviderType
public interface AuditLog {
    /** The fields a page of the log can be sorted by; the default is the newest first. */
    List<String> SORT_FIELDS = List.of("at", "userName", "action", "entity", "key");

    /**
     * @return the lines that match, newest first unless {@code page} sorts otherwise
     * @throws org.opportune.api.AccessDeniedException the caller is not an {@code opportune-admin} (nor the server)
     */
    Page<AuditRecord> find(AuditQuery query, PageRequest page);
}
