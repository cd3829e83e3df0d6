package org.opportune.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A Java Flight Recorder recording of another JVM (the Karaf server) driven with {@code jcmd}, and a short summary of
 * where its CPU went: samples per component (a sample counts for the innermost frame that belongs to a known
 * component, so JDK code is charged to its caller), the hottest methods, and the longest waits for locks.
 */
final class FlightRecording {
    /**
     * For the JVM's start: longer stacks than JFR's default 64 frames, so the components near the root are seen too,
     * and a recording from the start, so that JFR's instrumentation is in place before the warm-up - starting the
     * first recording later makes the JIT compile much of the code again, in the measured time.
     */
    static final String JVM_OPTIONS = "-XX:FlightRecorderOptions:stackdepth=256"
            + " -XX:StartFlightRecording=name=since-start,settings=profile,maxage=1m";
    private static final String NAME = "opportune-benchmark";

    /** Package prefixes of the components a move passes through, in the order they are reported. */
    private static final Map<String, String> COMPONENTS = new LinkedHashMap<>();

    static {
        COMPONENTS.put("org.apache.derby.", "Derby");
        COMPONENTS.put("org.eclipse.persistence.", "EclipseLink");
        COMPONENTS.put("org.apache.commons.dbcp2.", "DBCP pool");
        COMPONENTS.put("org.apache.commons.pool2.", "DBCP pool");
        COMPONENTS.put("org.ops4j.pax.jdbc.", "DBCP pool");
        COMPONENTS.put("org.opportune.", "Opportune");
        COMPONENTS.put("org.glassfish.", "Jersey/HK2");
        COMPONENTS.put("com.fasterxml.", "Jackson");
        COMPONENTS.put("org.apache.karaf.jaas.", "JAAS");
        COMPONENTS.put("javax.security.auth.", "JAAS");
        COMPONENTS.put("org.apache.felix.eventadmin.", "EventAdmin");
        COMPONENTS.put("org.apache.felix.scr.", "SCR");
        COMPONENTS.put("org.ops4j.pax.logging.", "Logging");
        COMPONENTS.put("org.apache.logging.", "Logging");
        COMPONENTS.put("org.eclipse.jetty.", "Jetty/Pax Web");
        COMPONENTS.put("org.ops4j.pax.web.", "Jetty/Pax Web");
        COMPONENTS.put("org.apache.felix.", "Felix");
        COMPONENTS.put("org.apache.karaf.", "Karaf");
    }

    private final ProcessHandle jvm;
    private final Path file;

    private FlightRecording(ProcessHandle jvm, Path file) {
        this.jvm = jvm;
        this.file = file;
    }

    static FlightRecording start(ProcessHandle jvm, Path file) throws IOException, InterruptedException {
        jcmd(jvm, "JFR.start", "name=" + NAME, "settings=profile");
        return new FlightRecording(jvm, file);
    }

    Path stop() throws IOException, InterruptedException {
        jcmd(jvm, "JFR.stop", "name=" + NAME, "filename=" + file.toAbsolutePath());
        return file;
    }

    /** Prints the summary of a recording. */
    static void summarize(Path recording, int top) throws IOException {
        Map<String, Long> byComponent = new HashMap<>();
        Map<String, Long> byMethod = new HashMap<>();
        Map<String, Long> waitNanos = new HashMap<>();
        long samples = 0;
        long gcPauseNanos = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            String type = event.getEventType().getName();
            switch (type) {
                case "jdk.ExecutionSample" -> {
                    RecordedStackTrace stack = event.getStackTrace();
                    if (stack == null || stack.getFrames().isEmpty()) {
                        continue;
                    }
                    samples++;
                    List<RecordedFrame> frames = stack.getFrames();
                    byMethod.merge(method(frames.get(0)), 1L, Long::sum);
                    byComponent.merge(component(frames), 1L, Long::sum);
                }
                case "jdk.JavaMonitorEnter" -> waitNanos.merge("monitor " + className(event, "monitorClass"),
                        event.getDuration().toNanos(), Long::sum);
                case "jdk.ThreadPark" -> waitNanos.merge("park " + className(event, "parkedClass") + " in "
                        + caller(event), event.getDuration().toNanos(), Long::sum);
                case "jdk.GCPhasePause" -> gcPauseNanos += event.getDuration().toNanos();
                default -> {
                }
            }
        }
        System.out.printf("JFR %s: %d CPU samples, GC pauses %d ms%n", recording, samples,
                TimeUnit.NANOSECONDS.toMillis(gcPauseNanos));
        final long total = Math.max(1, samples);
        System.out.println("  CPU samples by component (innermost known frame):");
        byComponent.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> System.out.printf("    %5.1f %%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
        System.out.println("  Hottest methods (self):");
        byMethod.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("    %5.1f %%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
        System.out.println("  Longest waits (threads blocked >= 10-20 ms, summed):");
        waitNanos.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(top).forEach(e -> System.out.printf("    %7d ms  %s%n",
                        TimeUnit.NANOSECONDS.toMillis(e.getValue()), e.getKey()));
    }

    private static String component(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            for (Map.Entry<String, String> component : COMPONENTS.entrySet()) {
                if (type.startsWith(component.getKey())) {
                    return component.getValue();
                }
            }
        }
        return "JDK/other";
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static String className(RecordedEvent event, String field) {
        Object type = event.getValue(field);
        return type instanceof jdk.jfr.consumer.RecordedClass c ? c.getName() : "?";
    }

    /** The first frame outside java.util.concurrent: who waited. */
    private static String caller(RecordedEvent event) {
        RecordedStackTrace stack = event.getStackTrace();
        if (stack == null) {
            return "?";
        }
        return stack.getFrames().stream()
                .filter(f -> !f.getMethod().getType().getName().startsWith("java.util.concurrent.")
                        && !f.getMethod().getType().getName().startsWith("jdk.internal."))
                .findFirst().map(FlightRecording::method).orElse("?");
    }

    private static void jcmd(ProcessHandle jvm, String... command) throws IOException, InterruptedException {
        String[] line = new String[command.length + 2];
        line[0] = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        line[1] = Long.toString(jvm.pid());
        System.arraycopy(command, 0, line, 2, command.length);
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(Duration.ofMinutes(1).toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", line) + " failed: " + output);
        }
    }
}
