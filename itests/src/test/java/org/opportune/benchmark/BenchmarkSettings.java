package org.opportune.benchmark;

import static org.opportune.benchmark.SystemProperties.number;
import static org.opportune.benchmark.SystemProperties.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

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
 * @param database      the database both phases run on: the shipped embedded Derby, or a throw-away PostgreSQL
 * @param activities    stages 2 and 4 of the cycle name an activity of two steps, so that moves into them make tasks
 */
record BenchmarkSettings(Path distribution, Path workFolder, int clients, Duration warmup, Duration jdbcWarmup,
        Duration measured,
        int shared, boolean jfr, int targetPercent, int poolMaxTotal, boolean asSalesperson, Database database,
        boolean activities) {

    /** The databases the benchmark runs on. */
    enum Database {
        DERBY, POSTGRES;

        static Database named(String name) {
            return switch (name) {
                case "derby" -> DERBY;
                case "postgres" -> POSTGRES;
                default -> throw new IllegalArgumentException("benchmark.database must be derby or postgres, is "
                        + name);
            };
        }
    }

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
                number("benchmark.poolMaxTotal", 0, 0, 1000), movesAsSalesperson(text("benchmark.movesAs", "admin")),
                Database.named(text("benchmark.database", "derby")), truth("benchmark.activities", true));
    }

    private static boolean truth(String key, boolean fallback) {
        return switch (text(key, Boolean.toString(fallback))) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, is " + System.getProperty(key));
        };
    }

    /** The user name the REST clients move as: what the product records as CHANGED_BY, and so does the baseline. */
    String moverLogin() {
        return asSalesperson ? RestApi.SALESPERSON_LOGIN : RestApi.ADMIN;
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
        return database.name().toLowerCase(Locale.ROOT) + ", " + clients + " clients, " + (shared == 0 ? "each moving its own opportunity"
                : "sharing " + shared + " opportunit" + (shared == 1 ? "y" : "ies") + " (If-Match, conflicts retried)")
                + ", warm-up " + warmup.toSeconds() + " s (JDBC " + jdbcWarmup.toSeconds() + " s), measured "
                + measured.toSeconds() + " s"
                + (poolMaxTotal == 0 ? "" : ", DataSource pool.maxTotal=" + poolMaxTotal + " (not as shipped)")
                + (asSalesperson ? ", REST clients log in as a salesperson (" + RestApi.SALESPERSON_LOGIN + ")" : "")
                + (activities ? ", stages 2 and 4 make tasks" : ", no activities (no tasks)");
    }
}
