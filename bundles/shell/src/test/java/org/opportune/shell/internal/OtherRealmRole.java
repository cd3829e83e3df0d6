package org.opportune.shell.internal;

import java.security.Principal;

/** A role principal of a login module other than Karaf's, e.g. an LDAP or SSO one. */
public record OtherRealmRole(String getName) implements Principal {
}
