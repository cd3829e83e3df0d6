package org.opportune.benchmark;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.opportune.itests.distribution.KarafDistribution;

/**
 * The move benchmark (issue 4, item 10): how fast opportunities move through their sales cycle over REST on the
 * started distribution, against the same database work done with plain JDBC on the same Derby database.
 * <ol>
 * <li>Unpacks the built distribution under {@code target/benchmark/}, starts it with free ports and sets up over REST
 * a salesperson, a company, a 4-stage cycle and one activated opportunity per client (or a few shared ones).</li>
 * <li>REST phase: N clients, each with its own keep-alive connection, move in a closed loop
 * (NEXT, NEXT, NEXT, PREVIOUS, PREVIOUS, PREVIOUS, ...) for the warm-up, then for the measured time.</li>
 * <li>Stops Karaf (embedded Derby allows one JVM), checks the history in the tables, then runs the JDBC baseline
 * ({@link JdbcMoveClient}) with N threads on the same database files, same loop, same measurement.</li>
 * <li>Prints both phases and the REST/JDBC throughput ratio. Exits 1 when a request failed or the history is broken,
 * never for missing the throughput target.</li>
 * </ol>
 * Run: {@code mvn -B -q -pl itests -Pbenchmark verify -Dbenchmark.clients=8 -Dbenchmark.seconds=30}; see
 * {@link BenchmarkSettings} for every option.
 */
public final class MoveBenchmark {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(1);
    private static final int JFR_TOP = 12;

    private final BenchmarkSettings settings;

    private MoveBenchmark(BenchmarkSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        int status;
        try {
            status = new MoveBenchmark(BenchmarkSettings.fromSystemProperties()).run();
        } catch (Exception e) {
            e.printStackTrace();
            status = 2;
        }
        System.exit(status);
    }

    private int run() throws Exception {
        System.out.printf("Opportune move benchmark: %s; %d cores, Java %s%n", settings.describe(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        Path folder = settings.workFolder().resolve("run-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))).toAbsolutePath();
        try (KarafDistribution karaf = KarafDistribution.unpack(settings.distribution(), folder)) {
            try {
                return measure(karaf, folder);
            } catch (Exception e) {
                karaf.printLogs(System.err, 80);
                throw e;
            }
        }
    }

    private int measure(KarafDistribution karaf, Path folder) throws Exception {
        System.out.println("Distribution " + settings.distribution() + " unpacked in " + folder);
        if (settings.poolMaxTotal() > 0) {
            KarafDistribution.setProperty(karaf.home().resolve("etc/org.ops4j.datasource-opportune.cfg"),
                    "pool.maxTotal", Integer.toString(settings.poolMaxTotal()));
        }
        if (settings.asSalesperson()) {
            KarafDistribution.setProperty(karaf.home().resolve("etc/users.properties"), RestApi.SALESPERSON_LOGIN,
                    RestApi.SALESPERSON_LOGIN + ",salesperson");
        }
        long startup = karaf.start(START_TIMEOUT,
                settings.jfr() ? Map.of("EXTRA_JAVA_OPTS", FlightRecording.JVM_OPTIONS) : Map.of());
        ProcessHandle jvm = karaf.javaProcess();
        System.out.printf("Karaf healthy after %d ms (pid %d, RSS %d MiB)%n", startup, jvm.pid(),
                KarafDistribution.residentMegabytes(jvm));

        RestApi admin = new RestApi(karaf.baseUri());
        Fixture fixture = Fixture.create(admin, settings.opportunities());
        if (settings.asSalesperson()) {
            admin.patch("salespeople/" + fixture.salespersonCode(), Map.of("userName", RestApi.SALESPERSON_LOGIN));
        }
        System.out.println("Set up over REST: " + fixture.describe());
        List<String> opportunityNos = fixture.opportunities().stream().map(Fixture.Started::no).toList();

        PhaseResult rest = restPhase(karaf, fixture, jvm, folder.resolve("rest-phase.jfr"));
        long rss = KarafDistribution.residentMegabytes(jvm);
        karaf.stop(STOP_TIMEOUT);
        System.out.printf("Karaf stopped (RSS after the REST phase: %d MiB)%n", rss);

        List<String> problems = new ArrayList<>();
        PhaseResult jdbc;
        try (EmbeddedDerby derby = new EmbeddedDerby(karaf.derbyDatabase(), folder.resolve("data/derby-jdbc.log"));
                Connection checker = derby.connect()) {
            checker.setAutoCommit(false);
            EntryTable table = EntryTable.read(checker);
            System.out.println("Derby " + derby.version() + " on " + karaf.derbyDatabase() + "; " + table.describe());
            Integrity afterRest = Integrity.check(checker, table, opportunityNos)
                    .expectGrowth(opportunityNos.size(), rest.totalMoves(), "REST");
            problems.addAll(afterRest.problems());

            List<JdbcMoveClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < settings.clients(); i++) {
                    clients.add(new JdbcMoveClient(derby.connect(), table, fixture.routeOf(i).opportunityNo(),
                            fixture.lowestStage(), fixture.highestStage(), settings.ifMatch()));
                }
                jdbc = LoadRun.run("JDBC", clients, settings.jdbcWarmup(), settings.measured(), null,
                        measuring("JDBC: benchmark JVM", ProcessHandle.current(), null));
            } finally {
                for (JdbcMoveClient client : clients) {
                    client.close();
                }
            }
            Integrity afterJdbc = Integrity.check(checker, table, opportunityNos)
                    .expectGrowth(afterRest.entries(), jdbc.totalMoves(), "JDBC");
            problems.addAll(afterJdbc.problems());
        }

        Report.print(settings, rest, jdbc, problems);
        if (settings.jfr()) {
            FlightRecording.summarize(folder.resolve("rest-phase.jfr"), JFR_TOP);
        }
        return rest.errors() + jdbc.errors() == 0 && problems.isEmpty() ? 0 : 1;
    }

    private PhaseResult restPhase(KarafDistribution karaf, Fixture fixture, ProcessHandle jvm, Path jfrFile)
            throws Exception {
        List<RestMoveClient> clients = new ArrayList<>();
        for (int i = 0; i < settings.clients(); i++) {
            RestApi api = settings.asSalesperson() ? new RestApi(karaf.baseUri(), RestApi.SALESPERSON_LOGIN)
                    : new RestApi(karaf.baseUri());
            clients.add(new RestMoveClient(api, fixture.routeOf(i), settings.ifMatch()));
        }
        return LoadRun.run("REST", clients, settings.warmup(), settings.measured(),
                () -> jvm.info().totalCpuDuration().orElse(Duration.ZERO),
                measuring("REST: Karaf", jvm, settings.jfr() ? jfrFile : null));
    }

    /**
     * Prints the CPU of {@code process} by thread group over the measured time and, given a file, records it with
     * Java Flight Recorder meanwhile.
     */
    private LoadRun.Window measuring(String what, ProcessHandle process, Path jfrFile) {
        return new LoadRun.Window() {
            private FlightRecording recording;
            private ThreadCpu atStart;

            @Override
            public void opened() throws Exception {
                atStart = ThreadCpu.of(process);
                if (jfrFile != null) {
                    recording = FlightRecording.start(process, jfrFile);
                }
            }

            @Override
            public void closed() throws Exception {
                Map<String, Double> cores = ThreadCpu.of(process).coresSince(atStart,
                        settings.measured().toNanos() / 1e9);
                if (recording != null) {
                    recording.stop();
                }
                if (!cores.isEmpty()) {
                    System.out.println(what + " CPU by thread group (cores): " + ThreadCpu.describe(cores, 8));
                }
            }
        };
    }
}
