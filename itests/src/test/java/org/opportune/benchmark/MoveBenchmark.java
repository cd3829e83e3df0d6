package org.opportune.benchmark;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.opportune.itests.distribution.KarafDistribution;

/**
 * The move benchmark (issue 4, item 10; issue 14): how fast opportunities move through their sales cycle over REST on
 * the started distribution, against exactly the statements such a move runs, done with plain JDBC on the same
 * database.
 * <ol>
 * <li>Starts the database when it is PostgreSQL ({@code -Dbenchmark.database=postgres}; Derby is the distribution's
 * own), unpacks the built distribution under {@code target/benchmark/}, points it at the database, starts it with free
 * ports and sets up over REST a salesperson, a company, an activity of two steps, a 4-stage cycle whose stages 2 and 4
 * name it, and one activated opportunity per client (or a few shared ones).</li>
 * <li>REST phase: N clients, each with its own keep-alive connection, move in a closed loop
 * (NEXT, NEXT, NEXT, PREVIOUS, PREVIOUS, PREVIOUS, ...) for the warm-up, then for the measured time; moves into
 * stages 2 and 4 make tasks.</li>
 * <li>Stops Karaf (embedded Derby allows one JVM; for PostgreSQL so that the machine is the same), checks the history
 * and the tasks in the tables, then runs the JDBC baseline ({@link JdbcMoveClient}) with N threads on the same
 * database, same loop, same measurement, and checks again, also that the JDBC phase wrote rows like the REST
 * phase's.</li>
 * <li>Prints both phases, the tasks each wrote, the CPU of Karaf, this JVM and the PostgreSQL processes, and the
 * REST/JDBC throughput ratio. Exits 1 when a request failed or the history is broken, never for missing the
 * throughput target.</li>
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
        System.out.println("JDBC baseline per move: " + JdbcMoveClient.STATEMENTS);
        Path folder = settings.workFolder().resolve("run-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))).toAbsolutePath();
        // closed in reverse: Karaf stops before the database does
        try (MoveDatabase database = MoveDatabase.start(settings.database());
                KarafDistribution karaf = KarafDistribution.unpack(settings.distribution(), folder)) {
            try {
                return measure(karaf, database, folder);
            } catch (Exception e) {
                karaf.printLogs(System.err, 80);
                throw e;
            }
        }
    }

    private int measure(KarafDistribution karaf, MoveDatabase database, Path folder) throws Exception {
        System.out.println("Distribution " + settings.distribution() + " unpacked in " + folder);
        database.configure(karaf);
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
        Fixture fixture = Fixture.create(admin, settings.opportunities(), settings.activities());
        if (settings.asSalesperson()) {
            admin.patch("salespeople/" + fixture.salespersonCode(), Map.of("userName", RestApi.SALESPERSON_LOGIN));
        }
        System.out.println("Set up over REST: " + fixture.describe());
        List<String> opportunityNos = fixture.opportunities().stream().map(Fixture.Started::no).toList();

        PhaseResult rest = restPhase(karaf, database, fixture, jvm, folder.resolve("rest-phase.jfr"));
        long rss = KarafDistribution.residentMegabytes(jvm);
        karaf.stop(STOP_TIMEOUT);
        System.out.printf("Karaf stopped (RSS after the REST phase: %d MiB)%n", rss);
        database.karafStopped(karaf, folder);

        List<String> problems = new ArrayList<>();
        PhaseResult jdbc;
        long restTasks;
        long jdbcTasks;
        try (Connection checker = database.connect()) {
            checker.setAutoCommit(false);
            EntryTable table = EntryTable.read(checker);
            System.out.println(database.describe() + "; " + table.describe());
            Integrity afterRest = check(checker, table, opportunityNos, fixture)
                    .expectGrowth(opportunityNos.size(), rest.totalMoves(), "REST");
            problems.addAll(afterRest.problems());
            // the set-up made no task: every task there is now, the REST phase wrote
            restTasks = afterRest.tasks();

            JdbcMoveClient.Baseline baseline = new JdbcMoveClient.Baseline(database, table, settings.ifMatch(),
                    settings.moverLogin());
            List<JdbcMoveClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < settings.clients(); i++) {
                    clients.add(new JdbcMoveClient(baseline, fixture.routeOf(i).opportunityNo(),
                            fixture.lowestStage(), fixture.highestStage()));
                }
                jdbc = LoadRun.run("JDBC", clients, settings.jdbcWarmup(), settings.measured(), null,
                        database.processCpu(), measuring("JDBC: benchmark JVM", ProcessHandle.current(),
                                settings.jfr() ? folder.resolve("jdbc-phase.jfr") : null));
            } finally {
                for (JdbcMoveClient client : clients) {
                    client.close();
                }
            }
            Integrity afterJdbc = check(checker, table, opportunityNos, fixture)
                    .expectGrowth(afterRest.entries(), jdbc.totalMoves(), "JDBC");
            problems.addAll(afterJdbc.problems());
            jdbcTasks = afterJdbc.tasksSince(afterRest);
            List<String> comparison = Integrity.compareRows(checker, table, opportunityNos, afterRest.lastEntryNo());
            problems.addAll(comparison.subList(0, comparison.size() - 1));
            System.out.println("Rows compared: " + comparison.get(comparison.size() - 1));
            System.out.printf("Tasks written: REST %d in %d moves (%.3f per move), JDBC %d in %d moves (%.3f per"
                    + " move); %d per move into a stage with the activity%n", restTasks, rest.totalMoves(),
                    perMove(restTasks, rest.totalMoves()), jdbcTasks, jdbc.totalMoves(),
                    perMove(jdbcTasks, jdbc.totalMoves()), fixture.activitySteps());
            if (settings.activities() && (restTasks == 0 || jdbcTasks == 0)) {
                problems.add("with activities both phases must write tasks: REST wrote " + restTasks + ", JDBC "
                        + jdbcTasks);
            }
        }

        MoveReport.print(settings, rest, jdbc, restTasks, jdbcTasks, database.cpuAccounting(), problems);
        if (settings.jfr()) {
            System.out.println("REST phase, Karaf's JVM:");
            FlightRecording.summarize(folder.resolve("rest-phase.jfr"), JFR_TOP);
            System.out.println("JDBC phase, the benchmark's JVM (clients and Derby on Derby; clients only on PostgreSQL):");
            FlightRecording.summarize(folder.resolve("jdbc-phase.jfr"), JFR_TOP);
        }
        return rest.errors() + jdbc.errors() == 0 && problems.isEmpty() ? 0 : 1;
    }

    private static Integrity check(Connection checker, EntryTable table, List<String> opportunityNos,
            Fixture fixture) throws SQLException {
        return Integrity.check(checker, table, opportunityNos, fixture.activityStages(), fixture.activitySteps());
    }

    private static double perMove(long tasks, long moves) {
        return moves == 0 ? Double.NaN : (double) tasks / moves;
    }

    private PhaseResult restPhase(KarafDistribution karaf, MoveDatabase database, Fixture fixture, ProcessHandle jvm,
            Path jfrFile) throws Exception {
        List<RestMoveClient> clients = new ArrayList<>();
        for (int i = 0; i < settings.clients(); i++) {
            RestApi api = settings.asSalesperson() ? new RestApi(karaf.baseUri(), RestApi.SALESPERSON_LOGIN)
                    : new RestApi(karaf.baseUri());
            clients.add(new RestMoveClient(api, fixture.routeOf(i), settings.ifMatch()));
        }
        return LoadRun.run("REST", clients, settings.warmup(), settings.measured(),
                () -> jvm.info().totalCpuDuration().orElse(Duration.ZERO), database.processCpu(),
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
