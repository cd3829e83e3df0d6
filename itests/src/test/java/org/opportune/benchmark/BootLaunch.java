package org.opportune.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.stream.Stream;

import org.opportune.itests.distribution.KarafDistribution;

/**
 * One cold boot of an unpacked Karaf: {@code bin/karaf server} started as {@link KarafDistribution#start} does (same
 * environment, console to console.log), a probe URL polled every {@value #POLL_MILLIS} ms until its answer is
 * accepted, then {@code bin/stop}. The same code times both distributions: only the probe differs.
 * <p>
 * Not {@link KarafDistribution#start}: that one waits for Opportune's health resource, which stock Karaf has not.
 */
final class BootLaunch implements AutoCloseable {
    private static final long POLL_MILLIS = 100;
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(1);

    private final Path home;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private Process karaf;
    private Instant startedAt;

    BootLaunch(Path home) {
        this.home = home;
    }

    /** When bin/karaf was started (the wall clock, to line karaf.log's time stamps up with). */
    Instant startedAt() {
        return startedAt;
    }

    /**
     * Starts Karaf and polls {@code probe} until its status is accepted.
     *
     * @return the milliseconds from the process start to the end of the first accepted answer
     */
    long bootUntil(URI probe, IntPredicate accepted, Duration timeout) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        startedAt = Instant.now();
        long started = System.nanoTime();
        karaf = builder.start();

        // a slow first answer (Jersey starting on the first request) is waited for, not retried
        HttpRequest request = HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(60)).GET().build();
        long deadline = started + timeout.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!karaf.isAlive()) {
                throw new IllegalStateException("Karaf exited with " + karaf.exitValue() + " while starting; see "
                        + home.resolve("console.log"));
            }
            try {
                HttpResponse<Void> answer = http.send(request, HttpResponse.BodyHandlers.discarding());
                if (accepted.test(answer.statusCode())) {
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                }
                last = "HTTP " + answer.statusCode();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new IllegalStateException("No accepted answer from " + probe + " within " + timeout.toSeconds()
                + " s; last: " + last);
    }

    /** bin/karaf runs java as its child: the JVM is the one below it. */
    ProcessHandle javaProcess() {
        return Stream.concat(Stream.of(karaf.toHandle()), karaf.toHandle().descendants())
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No Java process below " + karaf.pid()));
    }

    /** CPU seconds the Karaf JVM has used so far (all its threads), -1 where the platform does not say. */
    double cpuSeconds() {
        return javaProcess().info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(-1.0);
    }

    /** CPU seconds so far per group of the JVM's threads (JIT compilers, the features service's, ...). */
    Map<String, Double> cpuSecondsByThread() {
        return ThreadCpu.of(javaProcess()).secondsByGroup();
    }

    long residentMegabytes() {
        return KarafDistribution.residentMegabytes(javaProcess());
    }

    /** bin/stop, then waits for the JVM to end (killed when it does not), so the next boot has the cores. */
    void stop() throws IOException, InterruptedException {
        if (karaf == null) {
            return;
        }
        Process stop = new ProcessBuilder(home.resolve("bin/stop").toString())
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()))
                .start();
        stop.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        boolean ended = karaf.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (!ended) {
            close();
        }
        karaf = null;
    }

    /** Kills what is left of this boot (graceful first). */
    @Override
    public void close() {
        if (karaf == null) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(karaf.toHandle().descendants().toList());
        tree.add(karaf.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
        karaf = null;
    }
}
