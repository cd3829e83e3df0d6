package org.opportune.rest.internal.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** A change of the realm's users file takes effect within a second, whatever the login cache's time. */
public class LoginCacheUsersFileTest {
    private static final String LOCAL = "127.0.0.1";
    private static final String ADMIN_HEADER = BasicCredentialsTest.basic("admin:secret");

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private final LoginCacheTest.MutableClock clock = new LoginCacheTest.MutableClock();
    private final AuthenticatedUser admin = new AuthenticatedUser("admin", Set.of("admin"));

    @Test
    public void aChangedFileDropsEveryLoginWithinASecond() throws IOException {
        Path users = usersFile("admin = secret,admin\n");
        LoginCache cache = new LoginCache(Duration.ofSeconds(60), clock, new FileChangeWatch(users, clock));
        cache.put(LOCAL, ADMIN_HEADER, admin);

        Files.writeString(users, "admin = secret,viewer\n"); // a role removed
        Files.setLastModifiedTime(users, FileTime.from(clock.now.plusSeconds(1)));
        clock.now = clock.now.plusMillis(999);
        assertEquals("looked at once a second", Optional.of(admin), cache.get(LOCAL, ADMIN_HEADER));

        clock.now = clock.now.plusMillis(1);
        assertTrue(cache.get(LOCAL, ADMIN_HEADER).isEmpty());
        assertEquals(0, cache.size());
    }

    @Test
    public void aChangeOfSizeAloneIsAChange() throws IOException {
        Path users = usersFile("admin = secret,admin\n");
        FileTime modified = Files.getLastModifiedTime(users);
        LoginCache cache = new LoginCache(Duration.ofSeconds(60), clock, new FileChangeWatch(users, clock));
        cache.put(LOCAL, ADMIN_HEADER, admin);

        Files.writeString(users, "admin = new-secret,admin\n");
        Files.setLastModifiedTime(users, modified);
        clock.now = clock.now.plusSeconds(1);

        assertTrue(cache.get(LOCAL, ADMIN_HEADER).isEmpty());
    }

    @Test
    public void anUnchangedFileKeepsTheLoginsForTheirTime() throws IOException {
        Path users = usersFile("admin = secret,admin\n");
        LoginCache cache = new LoginCache(Duration.ofSeconds(60), clock, new FileChangeWatch(users, clock));
        cache.put(LOCAL, ADMIN_HEADER, admin);

        for (int i = 0; i < 59; i++) {
            clock.now = clock.now.plusSeconds(1);
            assertEquals(Optional.of(admin), cache.get(LOCAL, ADMIN_HEADER));
        }
        clock.now = clock.now.plusSeconds(1);
        assertTrue(cache.get(LOCAL, ADMIN_HEADER).isEmpty());
    }

    @Test
    public void withoutAFileTheTimeIsTheBound() throws IOException {
        LoginCache unwatched = new LoginCache(Duration.ofSeconds(10), clock, null);
        Path missing = folder.getRoot().toPath().resolve("no-users.properties");
        LoginCache missingFile = new LoginCache(Duration.ofSeconds(10), clock, new FileChangeWatch(missing, clock));
        for (LoginCache cache : new LoginCache[] { unwatched, missingFile }) {
            cache.put(LOCAL, ADMIN_HEADER, admin);
            clock.now = clock.now.plusSeconds(9);
            assertEquals(Optional.of(admin), cache.get(LOCAL, ADMIN_HEADER));
            clock.now = clock.now.plusSeconds(1);
            assertTrue(cache.get(LOCAL, ADMIN_HEADER).isEmpty());
        }
    }

    @Test
    public void aFileThatAppearsOrDisappearsIsAChange() throws IOException {
        Path users = folder.getRoot().toPath().resolve("users.properties");
        LoginCache cache = new LoginCache(Duration.ofSeconds(60), clock, new FileChangeWatch(users, clock));
        cache.put(LOCAL, ADMIN_HEADER, admin);

        Files.writeString(users, "admin = secret,admin\n");
        clock.now = clock.now.plusSeconds(1);
        assertTrue(cache.get(LOCAL, ADMIN_HEADER).isEmpty());

        cache.put(LOCAL, ADMIN_HEADER, admin);
        Files.delete(users);
        clock.now = clock.now.plusSeconds(1);
        assertTrue(cache.get(LOCAL, ADMIN_HEADER).isEmpty());
    }

    @Test
    public void aLoginTheRealmGaveBeforeAChangeSeenSinceIsNotRemembered() throws IOException {
        Path users = usersFile("admin = secret,admin\n");
        LoginCache cache = new LoginCache(Duration.ofSeconds(60), clock, new FileChangeWatch(users, clock));
        long beforeTheRealmWasAsked = cache.generation();

        Files.writeString(users, "admin = other,admin\n");
        clock.now = clock.now.plusSeconds(1);
        assertTrue(cache.get(LOCAL, BasicCredentialsTest.basic("jo:x")).isEmpty()); // another request sees the change
        cache.put(LOCAL, ADMIN_HEADER, admin, beforeTheRealmWasAsked);

        assertTrue(cache.get(LOCAL, ADMIN_HEADER).isEmpty());
        cache.put(LOCAL, ADMIN_HEADER, admin, cache.generation());
        assertEquals(Optional.of(admin), cache.get(LOCAL, ADMIN_HEADER));
    }

    private Path usersFile(String content) throws IOException {
        Path users = folder.newFile("users.properties").toPath();
        Files.writeString(users, content);
        Files.setLastModifiedTime(users, FileTime.from(clock.now.minusSeconds(3600)));
        return users;
    }
}
