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
import java.util.Arrays;
import java.util.List;

import org.opportune.itests.distribution.KarafDistribution;

/**
 * The report benchmark (issue 5, item 4): every statistic and report over REST on the started distribution with a
 * million opportunities, next to a hand-written SQL query computing the same figures on the same Derby database.
 * <ol>
 * <li>Unpacks the built distribution, starts it (the modules create their tables and indexes), creates the setup
 * over REST (50 salespeople, 4 cycles of 5 stages, close codes, 200 companies) and stops it.</li>
 * <li>Loads N opportunities and about 2.9 N entries with JDBC batches ({@link BulkData}) and updates the index
 * statistics.</li>
 * <li>Starts Karaf again and times each call: one warm-up, then the median of R runs.</li>
 * <li>Stops Karaf and times each hand-written query the same way on the same files (embedded Derby), checks that
 * a few figures agree, and prints the table with the ratio and the targets (≤ 1.5 × SQL, ≤ 2 s).</li>
 * </ol>
 * Run: {@code mvn -B -q -pl itests -Pbenchmark-reports verify [-Dbenchmark.opportunities=1000000] [-Dbenchmark.runs=3]}.
 */
public final class ReportBenchmark {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);
    private static final double RATIO_TARGET = 1.5;
    private static final long MILLIS_TARGET = 2_000;

    /** One figure: its REST call and the SQL computing the same. */
    private record Case(String name, String path, List<String> sql) {
        Case(String name, String path, String... sql) {
            this(name, path, Arrays.asList(sql));
        }
    }

    private record Timing(String name, double restMillis, double sqlMillis) {
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run(Integer.getInteger("benchmark.opportunities", 1_000_000),
                    Integer.getInteger("benchmark.runs", 3),
                    Path.of(System.getProperty("benchmark.distribution")),
                    Path.of(System.getProperty("benchmark.workFolder", "target/benchmark/runs")));
        } catch (Exception e) {
            e.printStackTrace();
            status = 2;
        }
        System.exit(status);
    }

    private static int run(int opportunities, int runs, Path distribution, Path workFolder) throws Exception {
        System.out.printf("Opportune report benchmark: %,d opportunities, median of %d runs after a warm-up; %d cores,"
                + " Java %s%n", opportunities, runs, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        Path folder = workFolder.resolve("reports-" + LocalDateTime.now().format(
                DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))).toAbsolutePath();
        try (KarafDistribution karaf = KarafDistribution.unpack(distribution, folder)) {
            List<String> companies = new ArrayList<>();
            karaf.start(START_TIMEOUT);
            BulkData.createSetup(new RestApi(karaf.baseUri()), companies);
            karaf.stop(STOP_TIMEOUT);

            long loadStart = System.nanoTime();
            long entries;
            try (EmbeddedDerby derby = new EmbeddedDerby(karaf.derbyDatabase(), folder.resolve("data/derby-load.log"));
                    Connection connection = derby.connect()) {
                entries = BulkData.load(connection, opportunities, companies);
            }
            System.out.printf("Loaded %,d opportunities and %,d entries in %d s%n", opportunities, entries,
                    (System.nanoTime() - loadStart) / 1_000_000_000);

            List<Case> cases = cases(companies.get(0));
            karaf.start(START_TIMEOUT);
            RestApi api = new RestApi(karaf.baseUri());
            List<Double> rest = new ArrayList<>();
            List<String> restFigures = new ArrayList<>();
            for (Case figure : cases) {
                restFigures.add(api.get(figure.path()).body());
                rest.add(median(runs, () -> {
                    RestApi.Answer answer = api.get(figure.path());
                    if (!answer.ok()) {
                        throw new IllegalStateException(figure.path() + " answered " + answer.status() + ": "
                                + answer.body());
                    }
                }));
            }
            karaf.stop(STOP_TIMEOUT);

            List<Timing> timings = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            try (EmbeddedDerby derby = new EmbeddedDerby(karaf.derbyDatabase(), folder.resolve("data/derby-sql.log"));
                    Connection connection = derby.connect()) {
                for (int i = 0; i < cases.size(); i++) {
                    Case figure = cases.get(i);
                    List<List<String>> rows = query(connection, figure.sql());
                    timings.add(new Timing(figure.name(), rest.get(i), median(runs, () -> query(connection,
                            figure.sql()))));
                    problems.addAll(agree(figure, rows, restFigures.get(i)));
                }
            }
            return print(timings, problems);
        }
    }

    /** The figures: each statistic and report, and the SQL a developer would write for the same numbers. */
    private static List<Case> cases(String company) {
        String open = "SELECT CURRENT_STAGE, COUNT(*), SUM(ESTIMATED_VALUE), SUM(CALCULATED_CURRENT_VALUE)"
                + " FROM OPPORTUNITY WHERE SALES_CYCLE_CODE = 'BC1' AND STATUS = 'IN_PROGRESS' GROUP BY CURRENT_STAGE";
        String days = "SELECT STAGE, SUM(DAYS_OPEN), COUNT(*) FROM OPPORTUNITY_ENTRY WHERE SALES_CYCLE_CODE = 'BC1'"
                + " AND STAGE > 0 AND ACTIVE = 0 GROUP BY STAGE";
        String asOfOpen = "SELECT x.STAGE, COUNT(*), SUM(x.ESTIMATED_VALUE), SUM(x.CALCULATED_CURRENT_VALUE)"
                + " FROM OPPORTUNITY_ENTRY x WHERE x.SALES_CYCLE_CODE = 'BC1' AND x.STAGE > 0"
                + " AND x.DATE_OF_CHANGE <= DATE('2024-06-30') AND x.ENTRY_NO = (SELECT MAX(y.ENTRY_NO)"
                + " FROM OPPORTUNITY_ENTRY y WHERE y.OPP_NO = x.OPP_NO AND y.DATE_OF_CHANGE <= DATE('2024-06-30'))"
                + " GROUP BY x.STAGE";
        String asOfDays = "SELECT e.STAGE, SUM(e.DAYS_OPEN), COUNT(*) FROM OPPORTUNITY_ENTRY e"
                + " WHERE e.SALES_CYCLE_CODE = 'BC1' AND e.STAGE > 0 AND e.ACTIVE = 0"
                + " AND e.DATE_OF_CHANGE <= DATE('2024-06-30') AND EXISTS (SELECT 1 FROM OPPORTUNITY_ENTRY y"
                + " WHERE y.OPP_NO = e.OPP_NO AND y.ENTRY_NO > e.ENTRY_NO AND y.DATE_OF_CHANGE <= DATE('2024-06-30'))"
                + " GROUP BY e.STAGE";
        String activity = "SELECT STAGE, COUNT(*), COUNT(DISTINCT OPP_NO) FROM OPPORTUNITY_ENTRY"
                + " WHERE SALES_CYCLE_CODE = 'BC1' AND STAGE > 0 GROUP BY STAGE";
        String outcomes = "SELECT e.STAGE, o.STATUS, COUNT(DISTINCT e.OPP_NO) FROM OPPORTUNITY_ENTRY e"
                + " JOIN OPPORTUNITY o ON o.OPP_NO = e.OPP_NO WHERE e.SALES_CYCLE_CODE = 'BC1' AND e.STAGE > 0"
                + " AND o.STATUS IN ('WON', 'LOST') GROUP BY e.STAGE, o.STATUS";
        String one = BulkData.opportunity(4);
        String closedIn2024 = "CLOSED = 1 AND DATE_CLOSED BETWEEN DATE('2024-01-01') AND DATE('2024-12-31')";
        return List.of(
                new Case("statistics: sales cycle", "sales-cycles/BC1/statistics", open, days),
                new Case("statistics: sales cycle as of", "sales-cycles/BC1/statistics?asOf=2024-06-30", asOfOpen,
                        asOfDays),
                new Case("statistics: salesperson", "salespeople/SP01/statistics",
                        "SELECT COUNT(*), SUM(ESTIMATED_VALUE), SUM(CALCULATED_CURRENT_VALUE) FROM OPPORTUNITY"
                                + " WHERE SALESPERSON_CODE = 'SP01' AND STATUS <> 'NOT_STARTED'"),
                new Case("statistics: contact (company)", "contacts/" + company + "/statistics",
                        "SELECT COUNT(*), SUM(ESTIMATED_VALUE), SUM(CALCULATED_CURRENT_VALUE) FROM OPPORTUNITY"
                                + " WHERE CONTACT_COMPANY_NO = '" + company + "' AND STATUS <> 'NOT_STARTED'"),
                new Case("statistics: opportunity", "opportunities/" + one + "/statistics",
                        "SELECT STAGE, COUNT(*), SUM(DAYS_OPEN), MIN(ENTRY_NO) FROM OPPORTUNITY_ENTRY"
                                + " WHERE OPP_NO = '" + one + "' AND STAGE > 0 GROUP BY STAGE",
                        "SELECT COUNT(*), MIN(DATE_OF_CHANGE) FROM OPPORTUNITY_ENTRY WHERE OPP_NO = '" + one + "'",
                        "SELECT * FROM OPPORTUNITY WHERE OPP_NO = '" + one + "'"),
                new Case("report: opportunity-list", "reports/opportunity-list?salespersonCode=SP01&limit=500",
                        "SELECT * FROM OPPORTUNITY WHERE SALESPERSON_CODE = 'SP01' ORDER BY OPP_NO"
                                + " FETCH FIRST 500 ROWS ONLY",
                        "SELECT COUNT(*), SUM(ESTIMATED_VALUE), SUM(CALCULATED_CURRENT_VALUE) FROM OPPORTUNITY"
                                + " WHERE SALESPERSON_CODE = 'SP01'"),
                new Case("report: salesperson-opportunities",
                        "reports/salesperson-opportunities?salesCycleCode=BC1&limit=500",
                        "SELECT * FROM OPPORTUNITY WHERE SALES_CYCLE_CODE = 'BC1' ORDER BY SALESPERSON_CODE, OPP_NO"
                                + " FETCH FIRST 500 ROWS ONLY",
                        "SELECT SALESPERSON_CODE, COUNT(*), SUM(ESTIMATED_VALUE), SUM(CALCULATED_CURRENT_VALUE)"
                                + " FROM OPPORTUNITY WHERE SALES_CYCLE_CODE = 'BC1' GROUP BY SALESPERSON_CODE"),
                new Case("report: sales-cycle-analysis", "reports/sales-cycle-analysis?salesCycleCode=BC1", open,
                        days),
                new Case("report: opportunity-details", "reports/opportunity-details?opportunityNo=" + one,
                        "SELECT * FROM OPPORTUNITY_ENTRY WHERE OPP_NO = '" + one + "' ORDER BY ENTRY_NO",
                        "SELECT STAGE, COUNT(*), SUM(DAYS_OPEN) FROM OPPORTUNITY_ENTRY WHERE OPP_NO = '" + one
                                + "' AND STAGE > 0 GROUP BY STAGE"),
                new Case("report: pipeline", "reports/pipeline?salesCycleCode=BC1", activity),
                new Case("report: opportunities-by-salesperson",
                        "reports/opportunities-by-salesperson?status=WON&from=2024-01-01&to=2024-12-31",
                        "SELECT SALESPERSON_CODE, COUNT(*), SUM(ESTIMATED_VALUE), SUM(CALCULATED_CURRENT_VALUE)"
                                + " FROM OPPORTUNITY WHERE STATUS = 'WON' AND DATE_CLOSED BETWEEN DATE('2024-01-01')"
                                + " AND DATE('2024-12-31') GROUP BY SALESPERSON_CODE"),
                new Case("report: top-open-opportunities", "reports/top-open-opportunities?n=10",
                        "SELECT * FROM OPPORTUNITY WHERE STATUS = 'IN_PROGRESS' ORDER BY ESTIMATED_VALUE DESC, OPP_NO"
                                + " FETCH FIRST 10 ROWS ONLY"),
                new Case("report: forecast", "reports/forecast?period=MONTH&by=SALESPERSON",
                        "SELECT YEAR(ESTIMATED_CLOSE_DATE), MONTH(ESTIMATED_CLOSE_DATE), SALESPERSON_CODE, COUNT(*),"
                                + " SUM(ESTIMATED_VALUE), SUM(CALCULATED_CURRENT_VALUE) FROM OPPORTUNITY"
                                + " WHERE STATUS = 'IN_PROGRESS' GROUP BY YEAR(ESTIMATED_CLOSE_DATE),"
                                + " MONTH(ESTIMATED_CLOSE_DATE), SALESPERSON_CODE"),
                new Case("report: win-loss", "reports/win-loss?from=2024-01-01&to=2024-12-31",
                        "SELECT STATUS, CLOSE_CODE, COUNT(*), SUM(ESTIMATED_VALUE), SUM(CALCULATED_CURRENT_VALUE)"
                                + " FROM OPPORTUNITY WHERE " + closedIn2024 + " GROUP BY STATUS, CLOSE_CODE",
                        "SELECT SALESPERSON_CODE, STATUS, COUNT(*), SUM(CALCULATED_CURRENT_VALUE) FROM OPPORTUNITY"
                                + " WHERE " + closedIn2024 + " GROUP BY SALESPERSON_CODE, STATUS",
                        "SELECT SALES_CYCLE_CODE, STATUS, COUNT(*), SUM(CALCULATED_CURRENT_VALUE) FROM OPPORTUNITY"
                                + " WHERE " + closedIn2024 + " GROUP BY SALES_CYCLE_CODE, STATUS"),
                new Case("report: stage-conversion", "reports/stage-conversion?salesCycleCode=BC1", activity,
                        outcomes));
    }

    /** Checks the count the REST answer shows against the SQL's, for the figures where both name one number. */
    private static List<String> agree(Case figure, List<List<String>> sqlRows, String restBody) throws Exception {
        var json = RestApi.JSON.readTree(restBody);
        long rest;
        long sql;
        switch (figure.name()) {
            case "statistics: salesperson" -> {
                rest = json.path("figures").path("count").asLong();
                sql = Long.parseLong(sqlRows.get(0).get(0));
            }
            case "report: opportunities-by-salesperson" -> {
                rest = json.path("totals").path("count").asLong();
                sql = sqlRows.stream().mapToLong(row -> Long.parseLong(row.get(1))).sum();
            }
            case "report: pipeline" -> {
                rest = json.path("totals").path("entries").asLong();
                sql = sqlRows.stream().mapToLong(row -> Long.parseLong(row.get(1))).sum();
            }
            default -> {
                return List.of();
            }
        }
        return rest == sql ? List.of() : List.of(figure.name() + ": REST says " + rest + ", SQL says " + sql);
    }

    /** Runs the queries and reads every row as text (the SQL side does the same work of reading its result). */
    private static List<List<String>> query(Connection connection, List<String> sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            for (String query : sql) {
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
            }
        }
        return rows;
    }

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    private static double median(int runs, Work work) throws Exception {
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return runs % 2 == 1 ? millis[runs / 2] : (millis[runs / 2 - 1] + millis[runs / 2]) / 2;
    }

    private static int print(List<Timing> timings, List<String> problems) {
        System.out.println();
        System.out.printf("%-40s %12s %12s %8s  %s%n", "figure", "REST ms", "SQL ms", "ratio", "target (<= 1.5x, <= 2 s)");
        int missed = 0;
        for (Timing timing : timings) {
            double ratio = timing.restMillis() / Math.max(timing.sqlMillis(), 0.001);
            boolean ok = ratio <= RATIO_TARGET && timing.restMillis() <= MILLIS_TARGET;
            missed += ok ? 0 : 1;
            System.out.printf("%-40s %12.1f %12.1f %8.2f  %s%n", timing.name(), timing.restMillis(),
                    timing.sqlMillis(), ratio, ok ? "OK" : "MISS");
        }
        System.out.printf("%d of %d figures meet both targets%n", timings.size() - missed, timings.size());
        problems.forEach(problem -> System.out.println("DISAGREE: " + problem));
        return problems.isEmpty() ? 0 : 1;
    }
}
