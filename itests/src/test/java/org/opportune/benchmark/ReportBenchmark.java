package org.opportune.benchmark;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opportune.itests.distribution.KarafDistribution;

/**
 * The report benchmark (issue 5, item 4; issue 14, items 2 and 4): every statistic and report over REST on the
 * started distribution, next to a hand-written SQL query computing the same figures on the same database, on Derby
 * and on PostgreSQL, at one or more scales. Per database:
 * <ol>
 * <li>Unpacks the built distribution (pointed at a new database of a throw-away PostgreSQL for postgres), starts it
 * (the modules create their tables and indexes), creates the setup over REST (50 salespeople, 4 cycles of 5 stages,
 * close codes, 200 companies) and stops it.</li>
 * <li>For each scale, ascending: loads the opportunities up to it (about 2.9 entries each) with JDBC batches
 * ({@link BulkData}; the same rows as loading them at once) and updates the planner's statistics; starts Karaf and
 * times each call; stops Karaf and times each hand-written query the same way; checks that the figures agree;
 * prints the table with the ratio and the target of the figure's class. Timing, REST and SQL alike: the quick
 * figures asked for round-robin for {@code benchmark.serverWarmUp} seconds (default 60) first, so that both are
 * timed as a server that has been answering for a while; then per figure a warm-up of up to
 * {@value #WARM_UP_CALLS} calls or {@code WARM_UP}, whichever ends first, and the median of R runs (of up to
 * {@value #QUICK_RUNS_MAX} runs in {@code QUICK_TIMING} for a quick figure).</li>
 * </ol>
 * At the end the curve: each figure's REST and SQL times at every scale. Exit status 0 when the figures agree
 * (targets missed are reported, not a failure), 1 when some disagree, 2 when the run failed.
 * <p>
 * Run: {@code mvn -B -q -pl itests -Pbenchmark-reports verify [-Dbenchmark.database=derby|postgres|both]
 * [-Dbenchmark.scales=100000,300000,1000000 | -Dbenchmark.opportunities=1000000] [-Dbenchmark.runs=3]
 * [-Dbenchmark.serverWarmUp=60]}.
 */
public final class ReportBenchmark {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);
    /**
     * Each figure is asked for this many times before it is timed (a report is asked for again and again: its code
     * paths in the server and the driver are compiled by then), unless that takes longer than {@link #WARM_UP}.
     */
    private static final int WARM_UP_CALLS = 10;
    private static final Duration WARM_UP = Duration.ofSeconds(3);
    /** A quick figure is timed this often at least, or for {@link #QUICK_TIMING} when it takes more runs. */
    private static final int QUICK_RUNS_MAX = 99;
    private static final Duration QUICK_TIMING = Duration.ofSeconds(1);
    /** The figures asked for over and over during the warm-up of a server: those answering within this time. */
    private static final Duration QUICK_FIGURE = Duration.ofMillis(100);

    /** One figure measured at one scale. */
    private record Measured(ReportCase figure, double restMillis, double sqlMillis) {
        boolean met() {
            return figure.figureClass().met(restMillis, sqlMillis);
        }
    }

    /** One database at one scale: what the load step took and the figures. */
    private record Step(int opportunities, long entries, int loaded, double loadSeconds, List<Measured> figures) {
        long met() {
            return figures.stream().filter(Measured::met).count();
        }
    }

    /**
     * @param serverWarmUp before anything is timed at a scale, the quick figures are asked for round-robin for this
     *                     long, over REST and as SQL alike: both are then timed as a server that has been answering
     *                     for a while (compiled request paths), not as one that has just started
     */
    private record Settings(List<Integer> scales, int runs, Duration serverWarmUp, List<String> databases,
            Path distribution, Path workFolder) {
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run(settings());
        } catch (Exception e) {
            e.printStackTrace();
            status = 2;
        }
        System.exit(status);
    }

    private static Settings settings() {
        String scales = System.getProperty("benchmark.scales", "").trim();
        if (scales.isEmpty()) {
            scales = System.getProperty("benchmark.opportunities", "1000000").trim();
        }
        List<Integer> ascending = new ArrayList<>();
        for (String scale : scales.split(",")) {
            int opportunities = Integer.parseInt(scale.trim().replace("_", ""));
            if (opportunities < 1 || opportunities > 10_000_000
                    || (!ascending.isEmpty() && opportunities <= ascending.get(ascending.size() - 1))) {
                throw new IllegalArgumentException("benchmark.scales must ascend, each between 1 and 10000000: "
                        + scales);
            }
            ascending.add(opportunities);
        }
        String database = System.getProperty("benchmark.database", "both").trim();
        List<String> databases = switch (database) {
            case "derby", "postgres" -> List.of(database);
            case "both", "" -> List.of("derby", "postgres");
            default -> throw new IllegalArgumentException("benchmark.database must be derby, postgres or both, is "
                    + database);
        };
        int serverWarmUp = Integer.getInteger("benchmark.serverWarmUp", 60);
        if (serverWarmUp < 0) {
            throw new IllegalArgumentException("benchmark.serverWarmUp is seconds, 0 or more: " + serverWarmUp);
        }
        return new Settings(ascending, Integer.getInteger("benchmark.runs", 3), Duration.ofSeconds(serverWarmUp),
                databases,
                Path.of(System.getProperty("benchmark.distribution")),
                Path.of(System.getProperty("benchmark.workFolder", "target/benchmark/runs")));
    }

    private static int run(Settings settings) throws Exception {
        System.out.printf("Opportune report benchmark: %s at %s opportunities; REST and SQL alike: the figures under"
                + " %d ms asked for round-robin for %d s first (a server that has been answering), then each figure"
                + " warmed up by up to %d calls or %d s and timed %d times (quick ones up to %d times in %d s), the"
                + " median reported; %d cores, Java %s%n", String.join(" and ", settings.databases()),
                settings.scales().stream().map(scale -> String.format("%,d", scale)).reduce((a, b) -> a + ", " + b)
                        .orElseThrow(), QUICK_FIGURE.toMillis(), settings.serverWarmUp().toSeconds(), WARM_UP_CALLS,
                WARM_UP.toSeconds(), settings.runs(), QUICK_RUNS_MAX, QUICK_TIMING.toSeconds(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        Path folder = settings.workFolder().resolve("reports-" + LocalDateTime.now().format(
                DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))).toAbsolutePath();
        Map<String, List<Step>> curves = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String name : settings.databases()) {
            try (ReportDatabase database = name.equals("derby") ? new DerbyReportDatabase()
                    : PostgresReportDatabase.start()) {
                curves.put(name, measure(database, settings, folder.resolve(name), problems));
            }
        }
        printCurves(curves);
        problems.forEach(problem -> System.out.println("DISAGREE: " + problem));
        return problems.isEmpty() ? 0 : 1;
    }

    /** Every scale on one database; disagreements go to {@code problems}. */
    private static List<Step> measure(ReportDatabase database, Settings settings, Path folder, List<String> problems)
            throws Exception {
        List<Step> steps = new ArrayList<>();
        try (KarafDistribution karaf = KarafDistribution.unpack(settings.distribution(), folder)) {
            try {
                database.configure(karaf);
                List<String> companies = new ArrayList<>();
                karaf.start(START_TIMEOUT);
                RestApi setup = new RestApi(karaf.baseUri());
                setup.awaitOpen("sales-cycles", START_TIMEOUT);
                BulkData.createSetup(setup, companies);
                karaf.stop(STOP_TIMEOUT);

                List<ReportCase> cases = ReportCase.all(database.dialect(), companies.get(0));
                int loaded = 0;
                long entries = 0;
                for (int scale : settings.scales()) {
                    long loadStart = System.nanoTime();
                    double countSeconds;
                    try (ReportDatabase.Session session = database.open(karaf, "load-" + scale)) {
                        entries += BulkData.load(session.connection(), loaded, scale, companies);
                        long countStart = System.nanoTime();
                        BulkData.countStageFigures(session.connection(), database.dialect());
                        countSeconds = (System.nanoTime() - countStart) / 1e9;
                        database.updateStatistics(session.connection());
                    }
                    double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
                    System.out.printf("%n%s: loaded opportunities %,d to %,d (%,d entries in all now) in %.1f s, of"
                            + " which counting all of them into the stage figures %.1f s%n", database.name(), loaded,
                            scale, entries, loadSeconds, countSeconds);
                    Step step = new Step(scale, entries, scale - loaded, loadSeconds,
                            measureScale(database, karaf, cases, settings, scale, problems));
                    loaded = scale;
                    steps.add(step);
                    printStep(database.name(), step);
                }
            } catch (Exception | Error e) {
                System.out.println("The " + database.name() + " run failed; the distribution's logs:");
                karaf.printLogs(System.out, 40);
                throw e;
            }
        }
        return steps;
    }

    /** REST with Karaf started, then the SQL with it stopped (Derby allows one JVM per database). */
    private static List<Measured> measureScale(ReportDatabase database, KarafDistribution karaf,
            List<ReportCase> cases, Settings settings, int scale, List<String> problems) throws Exception {
        karaf.start(START_TIMEOUT);
        RestApi api = new RestApi(karaf.baseUri());
        api.awaitOpen("sales-cycles", START_TIMEOUT);
        List<String> restFigures = new ArrayList<>();
        List<Work> restCalls = new ArrayList<>();
        List<Work> quickRestCalls = new ArrayList<>();
        for (ReportCase figure : cases) {
            long start = System.nanoTime();
            RestApi.Answer first = rest(api, figure);
            restFigures.add(first.body());
            Work call = () -> rest(api, figure);
            restCalls.add(call);
            if (System.nanoTime() - start <= QUICK_FIGURE.toNanos()) {
                quickRestCalls.add(call);
            }
        }
        roundRobin(quickRestCalls, settings.serverWarmUp());
        List<Double> rest = new ArrayList<>();
        for (Work call : restCalls) {
            rest.add(median(settings.runs(), call));
        }
        karaf.stop(STOP_TIMEOUT);

        List<Measured> measured = new ArrayList<>();
        try (ReportDatabase.Session session = database.open(karaf, "sql-" + scale)) {
            Connection connection = session.connection();
            List<Work> quickQueries = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                ReportCase figure = cases.get(i);
                long start = System.nanoTime();
                List<List<List<String>>> results = query(connection, figure.check());
                if (System.nanoTime() - start <= QUICK_FIGURE.toNanos()) {
                    quickQueries.add(() -> query(connection, figure.sql()));
                }
                FigureAgreement.check(figure, results, restFigures.get(i)).ifPresent(problem -> problems.add(
                        database.name() + " at " + String.format("%,d", scale) + ", " + problem));
            }
            roundRobin(quickQueries, settings.serverWarmUp());
            for (int i = 0; i < cases.size(); i++) {
                ReportCase figure = cases.get(i);
                measured.add(new Measured(figure, rest.get(i), median(settings.runs(),
                        () -> query(connection, figure.sql()))));
            }
        }
        return measured;
    }

    private static RestApi.Answer rest(RestApi api, ReportCase figure) throws Exception {
        RestApi.Answer answer = api.get(figure.path());
        if (!answer.ok()) {
            throw new IllegalStateException(figure.path() + " answered " + answer.status() + ": " + answer.body());
        }
        return answer;
    }

    /** Does each piece of work in turn, again and again, for that long. */
    private static void roundRobin(List<Work> works, Duration duration) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        while (!works.isEmpty() && System.nanoTime() < end) {
            for (Work work : works) {
                work.run();
            }
        }
    }

    /**
     * Runs the queries and reads every row as text (the SQL side does the same work of reading its result); one
     * list of rows per query.
     */
    private static List<List<List<String>>> query(Connection connection, List<String> sql) throws SQLException {
        List<List<List<String>>> results = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            for (String query : sql) {
                List<List<String>> rows = new ArrayList<>();
                try (ResultSet result = statement.executeQuery(query)) {
                    ResultSetMetaData meta = result.getMetaData();
                    while (result.next()) {
                        List<String> row = new ArrayList<>();
                        for (int column = 1; column <= meta.getColumnCount(); column++) {
                            row.add(result.getString(column));
                        }
                        rows.add(row);
                    }
                }
                results.add(rows);
            }
        }
        if (!connection.getAutoCommit()) {
            connection.commit(); // no snapshot held across runs
        }
        return results;
    }

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    /** The median time of {@code runs} runs after the warm-up; of up to {@value #QUICK_RUNS_MAX} when they are quick. */
    private static double median(int runs, Work work) throws Exception {
        long warmUpEnd = System.nanoTime() + WARM_UP.toNanos();
        for (int i = 0; i < WARM_UP_CALLS && System.nanoTime() < warmUpEnd; i++) {
            work.run();
        }
        List<Double> millis = new ArrayList<>();
        long timingEnd = System.nanoTime() + QUICK_TIMING.toNanos();
        while (millis.size() < runs || (millis.size() < QUICK_RUNS_MAX && System.nanoTime() < timingEnd)) {
            long start = System.nanoTime();
            work.run();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        int n = millis.size();
        return n % 2 == 1 ? millis.get(n / 2) : (millis.get(n / 2 - 1) + millis.get(n / 2)) / 2;
    }

    private static void printStep(String database, Step step) {
        System.out.printf("%n%s, %,d opportunities, %,d entries:%n", database, step.opportunities(), step.entries());
        System.out.printf("%-40s %-10s %10s %10s %7s  %-20s %s%n", "figure", "class", "REST ms", "SQL ms", "ratio",
                "target", "");
        for (Measured figure : step.figures()) {
            System.out.printf("%-40s %-10s %10.1f %10.1f %7.2f  %-20s %s%n", figure.figure().name(),
                    figure.figure().figureClass().label(), figure.restMillis(), figure.sqlMillis(),
                    figure.restMillis() / Math.max(figure.sqlMillis(), 0.001),
                    figure.figure().figureClass().target(), figure.met() ? "OK" : "MISS");
        }
        System.out.printf("%d of %d figures meet their targets (current state: <= 100 ms; historical: <= 2 s;"
                + " both: <= %.1f x SQL)%n", step.met(), step.figures().size(), FigureClass.RATIO_TARGET);
    }

    /** Per database: one line per figure with REST ms / SQL ms at each scale, then the load steps. */
    private static void printCurves(Map<String, List<Step>> curves) {
        System.out.println();
        System.out.println("Scale curve: REST ms / SQL ms (median) per figure and scale");
        curves.forEach((database, steps) -> {
            System.out.printf("%n%-40s %-10s", database, "class");
            steps.forEach(step -> System.out.printf(" %19s", String.format("%,d", step.opportunities())));
            System.out.println();
            for (int i = 0; i < steps.get(0).figures().size(); i++) {
                ReportCase figure = steps.get(0).figures().get(i).figure();
                System.out.printf("%-40s %-10s", figure.name(), figure.figureClass().label());
                for (Step step : steps) {
                    Measured measured = step.figures().get(i);
                    System.out.printf(" %19s", String.format("%.1f / %.1f%s", measured.restMillis(),
                            measured.sqlMillis(), measured.met() ? "  " : " !"));
                }
                System.out.println();
            }
            System.out.printf("%-51s", "figures meeting their targets");
            steps.forEach(step -> System.out.printf(" %19s", step.met() + " of " + step.figures().size()));
            System.out.println();
            System.out.printf("%-51s", "load step (opportunities added: seconds)");
            steps.forEach(step -> System.out.printf(" %19s", String.format("+%,d: %.1f s", step.loaded(),
                    step.loadSeconds())));
            System.out.println();
        });
        System.out.println("(! = target missed)");
    }
}
