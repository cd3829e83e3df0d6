package org.opportune.rest.internal.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Notices that a file changed (its modification time or size), looking at most once per {@link #LOOK_EVERY}, on
 * use: no thread of its own. A file that is missing or cannot be read is a state too: appearing, disappearing
 * and coming back are changes.
 */
public final class FileChangeWatch {
    public static final Duration LOOK_EVERY = Duration.ofSeconds(1);

    private final Path file;
    private final Clock clock;
    private Stamp lastSeen;
    private Instant nextLook;

    public FileChangeWatch(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
        this.lastSeen = stamp(file);
        this.nextLook = clock.instant().plus(LOOK_EVERY);
    }

    public Path file() {
        return file;
    }

    /** @return whether the file changed since the last look; false when it is too early for another look */
    public synchronized boolean changed() {
        Instant now = clock.instant();
        if (now.isBefore(nextLook)) {
            return false;
        }
        nextLook = now.plus(LOOK_EVERY);
        Stamp nowSeen = stamp(file);
        boolean changed = !nowSeen.equals(lastSeen);
        lastSeen = nowSeen;
        return changed;
    }

    private static Stamp stamp(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(attributes.lastModifiedTime(), attributes.size());
        } catch (IOException | SecurityException missingOrUnreadable) {
            return Stamp.NONE;
        }
    }

    /** What is compared: modification time and size; {@link #NONE} for a missing or unreadable file. */
    private record Stamp(FileTime modified, long size) {
        static final Stamp NONE = new Stamp(null, -1);
    }
}
