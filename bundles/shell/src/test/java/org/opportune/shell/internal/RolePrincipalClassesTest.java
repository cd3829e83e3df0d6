package org.opportune.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.junit.Test;
import org.opportune.api.UnavailableException;

public class RolePrincipalClassesTest {
    private static final String KARAF = RolePrincipal.class.getName();
    private static final String OTHER = OtherRealmRole.class.getName();

    private static Subject subjectWithRolesOfBothClasses() {
        Subject subject = Logins.subject("anna", "salesperson");
        subject.getPrincipals().add(new OtherRealmRole("sales-manager"));
        subject.getPrincipals().add(new GroupPrincipal("salesgroup"));
        return subject;
    }

    @Test
    public void byDefaultOnlyKarafsRolePrincipalsAreRoles() {
        assertEquals(Set.of(KARAF), RolePrincipalClasses.karafs().classNames());
        assertEquals(Set.of("salesperson"), RolePrincipalClasses.karafs().rolesOf(subjectWithRolesOfBothClasses()));
    }

    @Test
    public void theConfiguredClassesNameTheRolesAndOthersAreNotRoles() {
        assertEquals(Set.of("sales-manager"), RolePrincipalClasses.of(OTHER).rolesOf(subjectWithRolesOfBothClasses()));
        assertEquals(Set.of("salesperson", "sales-manager"),
                RolePrincipalClasses.of(KARAF + " , " + OTHER).rolesOf(subjectWithRolesOfBothClasses()));
    }

    @Test
    public void aListReadsFromACommaSeparatedLineAnArrayOrACollection() {
        assertEquals(Set.of(KARAF, OTHER), RolePrincipalClasses.of(" " + KARAF + ",," + OTHER + " ").classNames());
        assertEquals(Set.of(KARAF, OTHER), RolePrincipalClasses.of(new String[] {KARAF, " " + OTHER}).classNames());
        assertEquals(Set.of(OTHER), RolePrincipalClasses.of(List.of(OTHER)).classNames());
    }

    @Test
    public void nothingOrABlankValueMeansKarafsClass() {
        assertSame(RolePrincipalClasses.karafs(), RolePrincipalClasses.of(null));
        assertSame(RolePrincipalClasses.karafs(), RolePrincipalClasses.of(" , "));
        assertSame(RolePrincipalClasses.karafs(), RolePrincipalClasses.of(new String[0]));
    }

    @Test
    public void theConfigurationOrgOpportuneRolesNamesTheClasses() {
        assertEquals(Set.of(OTHER), RolePrincipalClasses.configured(Configurations.holding("org.opportune.roles",
                Map.of("rolePrincipalClasses", OTHER))).classNames());
    }

    @Test
    public void withoutConfigurationAdminTheConfigurationOrTheKeyKarafsClassCounts() {
        assertSame(RolePrincipalClasses.karafs(), RolePrincipalClasses.configured(null));
        assertSame(RolePrincipalClasses.karafs(), RolePrincipalClasses.configured(Configurations.empty()));
        assertSame(RolePrincipalClasses.karafs(), RolePrincipalClasses.configured(
                Configurations.holding("org.opportune.roles", Map.of("another", "key"))));
    }

    @Test
    public void anUnreadableConfigurationStoreIsRefusedAsUnavailable() {
        UnavailableException refused = assertThrows(UnavailableException.class,
                () -> RolePrincipalClasses.configured(Configurations.unreadable()));
        assertTrue(refused.getMessage(), refused.getMessage().contains("org.opportune.roles cannot be read"));
    }
}
