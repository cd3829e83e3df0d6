package org.opportune.api.caller;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.Test;

public class CallerTest {
    @Test
    public void aUserHasTheRolesOfItsLoginOnlyAndIsNotTheSystem() {
        Set<String> roles = new HashSet<>(Set.of("salesperson"));
        Caller anna = Caller.user("anna", roles);
        roles.add("opportune-admin");

        assertTrue(anna.hasRole("salesperson"));
        assertFalse("a copy of the roles is kept", anna.hasRole("opportune-admin"));
        assertFalse(anna.isSystem());
        assertEquals(Caller.user("anna", Set.of("salesperson")), anna);
    }

    @Test
    public void theSystemIsNamedSystemButNoLoginOfThatNameIsIt() {
        assertTrue(Caller.system().isSystem());
        assertEquals("system", Caller.system().userName());
        assertFalse(Caller.user("system", Set.of()).equals(Caller.system()));
    }

    @Test
    public void aUserNeedsAName() {
        assertThrows(IllegalArgumentException.class, () -> Caller.user(" ", Set.of()));
        assertThrows(IllegalArgumentException.class, () -> Caller.user(null, Set.of()));
    }
}
