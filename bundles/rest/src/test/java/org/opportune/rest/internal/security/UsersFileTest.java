package org.opportune.rest.internal.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;

public class UsersFileTest {
    private final Map<String, String> properties = Map.of("karaf.etc", "/opt/opportune/etc");

    @Test
    public void theDefaultIsKarafsUsersFile() {
        assertEquals(Optional.of(Path.of("/opt/opportune/etc/users.properties")),
                UsersFile.path(UsersFile.DEFAULT, properties::get));
    }

    @Test
    public void anyPathMayBeConfigured() {
        assertEquals(Optional.of(Path.of("/srv/realm/users.properties")),
                UsersFile.path(" /srv/realm/users.properties ", properties::get));
    }

    @Test
    public void emptyOrAnUnsetPropertyWatchesNothing() {
        assertTrue(UsersFile.path("", properties::get).isEmpty());
        assertTrue(UsersFile.path(null, properties::get).isEmpty());
        assertTrue("outside Karaf", UsersFile.path(UsersFile.DEFAULT, name -> null).isEmpty());
        assertTrue(UsersFile.path("${no.such}/users.properties", properties::get).isEmpty());
    }
}
