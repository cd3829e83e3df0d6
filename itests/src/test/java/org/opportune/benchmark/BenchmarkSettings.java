package org.opportune.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What a run is asked to do, from system properties (the Maven profile passes {@code -Dbenchmark.*} through).
 *
 * @param distribution  the distribution zip to unpack and start
 * @param workFolder    where the distribution is unpacked (a new sub-folder per run)
 * @param clients       concurrent REST clients, and JDBC threads in the baseline
 * @param warmup        how long the REST phase runs before measuring: Karaf's JIT compilers need minutes on 2 cores
 *                      for the code a request passes through (Jetty, Jersey, EclipseLink, Derby)
 * @param jdbcWarmup    how long the JDBC phase runs before measuring (far less code to compile)
 * @param measured      how long every phase is measured
 * @param shared        0: every client moves its own opportunity; n > 0: all clients share n opportunities
 *                      (they send If-Match; a stale one is counted as a conflict, re-read and retried)
 * @param jfr           record the Karaf JVM with Java Flight Recorder during the measured REST phase
 * @param targetPercent the REST/JDBC throughput ratio the product aims at (printed, never enforced)
 * @param poolMaxTotal  0: the DataSource pool as shipped; n > 0: {@code pool.maxTotal = n} in the unpacked copy's
 *                      etc/org.ops4j.datasource-opportune.cfg (a diagnosis aid; the default measures what ships)
 * @param asSalesperson the REST clients move as a login with the role {@code salesperson} linked to the fixture's
 *                      salesperson (every call then scoped to its own opportunities), not as {@code admin}
 */
record BenchmarkSettings(Path distribution, Path workFolder, int clients, Duration warmup, Duration jdbcWarmup,
        Duration measured,
        int shared, boolean jfr, int targetPercent, int poolMaxTotal, boolean asSalesperson) {

    static BenchmarkSettings fromSystemProperties() {
        String version = System.getProperty("opportune.version", "0.1.0-SNAPSHOT");
        Path defaultZip = Path.of(System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString()))
                .resolve("org/opportune/opportune-karaf-assembly/" + version
                        + "/opportune-karaf-assembly-" + version + ".zip");
        Path distribution = Path.of(text("benchmark.distribution", defaultZip.toString()));
        if (!Files.isRegularFile(distribution)) {
            throw new IllegalArgumentException("No distribution at " + distribution
                    + "; build it first: mvn -B -q install -DskipTests -pl karaf-assembly -am");
        }
        int clients = number("benchmark.clients", 8, 1, 512);
        int shared = number("benchmark.shared", 0, 0, 10_000);
        return new BenchmarkSettings(distribution, Path.of(text("benchmark.workFolder", "target/benchmark")), clients,
                Duration.ofSeconds(number("benchmark.warmup", 120, 0, 3600)),
                Duration.ofSeconds(number("benchmark.jdbcWarmup", 20, 0, 3600)),
                Duration.ofSeconds(number("benchmark.seconds", 30, 1, 3600)), shared,
                Boolean.parseBoolean(text("benchmark.jfr", "false")), number("benchmark.targetPercent", 60, 1, 1000),
                number("benchmark.poolMaxTotal", 0, 0, 1000), movesAsSalesperson(text("benchmark.movesAs", "admin")));
    }

    private static boolean movesAsSalesperson(String login) {
        return switch (login) {
            case "admin" -> false;
            case "salesperson" -> true;
            default -> throw new IllegalArgumentException("benchmark.movesAs must be admin or salesperson, is " + login);
        };
    }

    /** How many opportunities the clients move. */
    int opportunities() {
        return shared == 0 ? clients : shared;
    }

    /** Whether clients send If-Match: needed as soon as two clients may move the same opportunity. */
    boolean ifMatch() {
        return shared > 0;
    }

    String describe() {
        return clients + " clients, " + (shared == 0 ? "each moving its own opportunity"
                : "sharing " + shared + " opportunit" + (shared == 1 ? "y" : "ies") + " (If-Match, conflicts retried)")
                + ", warm-up " + warmup.toSeconds() + " s (JDBC " + jdbcWarmup.toSeconds() + " s), measured "
                + measured.toSeconds() + " s"
                + (poolMaxTotal == 0 ? "" : ", DataSource pool.maxTotal=" + poolMaxTotal + " (not as shipped)")
                + (asSalesperson ? ", REST clients log in as a salesperson (" + RestApi.SALESPERSON_LOGIN + ")" : "");
    }

    private static String text(String key, String fallback) {
        String value = System.getProperty(key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static int number(String key, int fallback, int min, int max) {
        int value;
        try {
            value = Integer.parseInt(text(key, Integer.toString(fallback)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, is " + System.getProperty(key));
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", is " + value);
        }
        return value;
    }
}
