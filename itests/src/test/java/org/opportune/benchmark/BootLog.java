package org.opportune.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The time-stamped lines of a boot's {@code data/log/karaf.log} (pax-logging's layout:
 * {@code time | level | thread | logger | bundle | message}), each placed in milliseconds after the process start.
 * Lines without a time stamp (stack traces, the launcher's java.util.logging lines before pax-logging) are left out.
 * Karaf writes local time with milliseconds; the benchmark and Karaf run on the same machine and clock.
 */
final class BootLog {
    private static final Pattern LINE = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2},\\d{3})\\s*\\|\\s*(\\S+)\\s*\\|\\s*(.*?)\\s*\\|\\s*(\\S+)\\s*\\|"
                    + "\\s*(.*?)\\s*\\|\\s?(.*)$");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss,SSS");

    /**
     * @param at      milliseconds after the process start
     * @param thread  the logging thread's name
     * @param logger  the logger's short name
     * @param bundle  {@code id - symbolic name - version}
     * @param message the message, as written
     */
    record Line(long at, String thread, String logger, String bundle, String message) {
        boolean from(String symbolicName) {
            return bundle.contains(" - " + symbolicName + " - ");
        }
    }

    private final List<Line> lines;

    private BootLog(List<Line> lines) {
        this.lines = List.copyOf(lines);
    }

    static BootLog read(Path karafLog, Instant processStart) throws IOException {
        List<Line> lines = new ArrayList<>();
        ZoneId zone = ZoneId.systemDefault();
        try (Stream<String> all = Files.lines(karafLog, StandardCharsets.UTF_8)) {
            all.forEach(text -> {
                Matcher m = LINE.matcher(text);
                if (m.matches()) {
                    long epochMillis = LocalDateTime.parse(m.group(1), STAMP).atZone(zone).toInstant().toEpochMilli();
                    lines.add(new Line(epochMillis - processStart.toEpochMilli(), m.group(3), m.group(4), m.group(5),
                            m.group(6)));
                }
            });
        }
        return new BootLog(lines);
    }

    List<Line> lines() {
        return lines;
    }
}
