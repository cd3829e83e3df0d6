package org.opportune.benchmark;

import java.util.List;

/**
 * One figure of the report benchmark: its REST call, its class (which target applies) and the hand-written SQL that
 * computes the same numbers on one database.
 *
 * @param sql   the best SQL for the figure on the schema, timed
 * @param check SQL that computes the figure from its definition (the opportunities and their entries), which the
 *              REST answer must agree with; the timed SQL itself where that reads them already, and the scan that
 *              the counters replace where the timed SQL reads the stage figures' counters
 */
record ReportCase(String name, FigureClass figureClass, String path, List<String> sql, List<String> check) {

    ReportCase(String name, FigureClass figureClass, String path, List<String> sql) {
        this(name, figureClass, path, sql, sql);
    }

    /**
     * The figures: each statistic and report, and the SQL a developer who knows the schema and its indexes would
     * write for the same numbers, in {@code dialect}. One set of cases; only the spelling differs per database.
     *
     * @param company a company of the data set (the contact statistics)
     */
    static List<ReportCase> all(SqlDialect dialect, String company) {
        String asOf = dialect.date("2024-06-30");
        String notActive = dialect.isFalse("ACTIVE");
        String open = "SELECT CURRENT_STAGE, COUNT(*), SUM(ESTIMATED_VALUE), SUM(CALCULATED_CURRENT_VALUE)"
                + " FROM OPPORTUNITY WHERE SALES_CYCLE_CODE = 'BC1' AND STATUS = 'IN_PROGRESS' GROUP BY CURRENT_STAGE";
        String days = "SELECT STAGE, SUM(DAYS_OPEN), COUNT(*) FROM OPPORTUNITY_ENTRY WHERE SALES_CYCLE_CODE = 'BC1'"
                + " AND STAGE > 0 AND " + notActive + " GROUP BY STAGE";
        // as of D, with the entries' VALID_TO (the next entry's date of change): the entry valid on D is the one
        // dated on or before D and not replaced by then; an entry replaced by D has its final days open
        String asOfOpen = "SELECT STAGE, COUNT(*), SUM(ESTIMATED_VALUE), SUM(CALCULATED_CURRENT_VALUE)"
                + " FROM OPPORTUNITY_ENTRY WHERE SALES_CYCLE_CODE = 'BC1' AND STAGE > 0"
                + " AND DATE_OF_CHANGE <= " + asOf + " AND (VALID_TO IS NULL OR VALID_TO > " + asOf + ")"
                + " GROUP BY STAGE";
        String asOfDays = "SELECT STAGE, SUM(DAYS_OPEN), COUNT(*) FROM OPPORTUNITY_ENTRY"
                + " WHERE SALES_CYCLE_CODE = 'BC1' AND STAGE > 0 AND VALID_TO <= " + asOf + " GROUP BY STAGE";
        String activity = "SELECT STAGE, COUNT(*), COUNT(DISTINCT OPP_NO) FROM OPPORTUNITY_ENTRY"
                + " WHERE SALES_CYCLE_CODE = 'BC1' AND STAGE > 0 GROUP BY STAGE";
        String outcomes = "SELECT e.STAGE, o.STATUS, COUNT(DISTINCT e.OPP_NO) FROM OPPORTUNITY_ENTRY e"
                + " JOIN OPPORTUNITY o ON o.OPP_NO = e.OPP_NO WHERE e.SALES_CYCLE_CODE = 'BC1' AND e.STAGE > 0"
                + " AND o.STATUS IN ('WON', 'LOST') GROUP BY e.STAGE, o.STATUS";
        // the same figures from the counters the writes keep per cycle, stage, salesperson and shard (STAGE_FIGURES)
        String counted = " FROM STAGE_FIGURES WHERE SALES_CYCLE_CODE = 'BC1' GROUP BY STAGE";
        String countedNow = "SELECT STAGE, SUM(OPEN_COUNT), SUM(OPEN_ESTIMATED_VALUE),"
                + " SUM(OPEN_CALCULATED_CURRENT_VALUE), SUM(CLOSED_DAYS), SUM(CLOSED_ENTRIES)" + counted;
        String countedActivity = "SELECT STAGE, SUM(ENTRIES), SUM(REACHED)" + counted;
        String countedConversion = "SELECT STAGE, SUM(ENTRIES), SUM(REACHED), SUM(REACHED_WON), SUM(REACHED_LOST)"
                + counted;
        String one = BulkData.opportunity(4);
        // only a closed (WON or LOST) opportunity has a closing date: the range alone, which leads the closings index
        String closedIn2024 = "DATE_CLOSED BETWEEN " + dialect.date("2024-01-01") + " AND " + dialect.date("2024-12-31");
        // the columns an opportunity row of a report shows (OpportunityRows), the number first
        String rows = "SELECT OPP_NO, DESCRIPTION, CONTACT_NO, CONTACT_COMPANY_NO, SALESPERSON_CODE, SALES_CYCLE_CODE,"
                + " STATUS, CURRENT_STAGE, CREATION_DATE, ESTIMATED_CLOSE_DATE, ESTIMATED_VALUE, PROBABILITY_PERCENT,"
                + " CALCULATED_CURRENT_VALUE, DATE_CLOSED, CLOSE_CODE FROM OPPORTUNITY";
        FigureClass now = FigureClass.CURRENT_STATE;
        FigureClass past = FigureClass.HISTORICAL;
        return List.of(
                new ReportCase("statistics: sales cycle", now, "sales-cycles/BC1/statistics", List.of(countedNow),
                        List.of(open, days)),
                new ReportCase("statistics: sales cycle as of", past, "sales-cycles/BC1/statistics?asOf=2024-06-30",
                        List.of(asOfOpen, asOfDays)),
                new ReportCase("statistics: salesperson", now, "salespeople/SP01/statistics",
                        List.of("SELECT COUNT(*), SUM(ESTIMATED_VALUE), SUM(CALCULATED_CURRENT_VALUE) FROM OPPORTUNITY"
                                + " WHERE SALESPERSON_CODE = 'SP01' AND STATUS <> 'NOT_STARTED'")),
                new ReportCase("statistics: contact (company)", now, "contacts/" + company + "/statistics",
                        List.of("SELECT COUNT(*), SUM(ESTIMATED_VALUE), SUM(CALCULATED_CURRENT_VALUE) FROM OPPORTUNITY"
                                + " WHERE CONTACT_COMPANY_NO = '" + company + "' AND STATUS <> 'NOT_STARTED'")),
                new ReportCase("statistics: opportunity", now, "opportunities/" + one + "/statistics",
                        List.of("SELECT STAGE, COUNT(*), SUM(DAYS_OPEN), MIN(ENTRY_NO) FROM OPPORTUNITY_ENTRY"
                                        + " WHERE OPP_NO = '" + one + "' AND STAGE > 0 GROUP BY STAGE",
                                "SELECT COUNT(*), MIN(DATE_OF_CHANGE) FROM OPPORTUNITY_ENTRY WHERE OPP_NO = '" + one
                                        + "'",
                                "SELECT * FROM OPPORTUNITY WHERE OPP_NO = '" + one + "'")),
                new ReportCase("report: opportunity-list", now, "reports/opportunity-list?salespersonCode=SP01&limit=500",
                        List.of(rows + " WHERE SALESPERSON_CODE = 'SP01' ORDER BY OPP_NO FETCH FIRST 500 ROWS ONLY",
                                "SELECT COUNT(*), SUM(ESTIMATED_VALUE), SUM(CALCULATED_CURRENT_VALUE) FROM OPPORTUNITY"
                                        + " WHERE SALESPERSON_CODE = 'SP01'")),
                new ReportCase("report: salesperson-opportunities", past,
                        "reports/salesperson-opportunities?salesCycleCode=BC1&limit=500",
                        List.of(rows + " WHERE SALES_CYCLE_CODE = 'BC1' ORDER BY SALESPERSON_CODE, OPP_NO"
                                        + " FETCH FIRST 500 ROWS ONLY",
                                "SELECT SALESPERSON_CODE, COUNT(*), SUM(ESTIMATED_VALUE), SUM(CALCULATED_CURRENT_VALUE)"
                                        + " FROM OPPORTUNITY WHERE SALES_CYCLE_CODE = 'BC1' GROUP BY SALESPERSON_CODE")),
                new ReportCase("report: sales-cycle-analysis", now, "reports/sales-cycle-analysis?salesCycleCode=BC1",
                        List.of(countedNow), List.of(open, days)),
                new ReportCase("report: opportunity-details", now, "reports/opportunity-details?opportunityNo=" + one,
                        List.of("SELECT * FROM OPPORTUNITY_ENTRY WHERE OPP_NO = '" + one + "' ORDER BY ENTRY_NO",
                                "SELECT STAGE, COUNT(*), SUM(DAYS_OPEN) FROM OPPORTUNITY_ENTRY WHERE OPP_NO = '" + one
                                        + "' AND STAGE > 0 GROUP BY STAGE")),
                new ReportCase("report: pipeline", now, "reports/pipeline?salesCycleCode=BC1",
                        List.of(countedActivity), List.of(activity)),
                new ReportCase("report: opportunities-by-salesperson", past,
                        "reports/opportunities-by-salesperson?status=WON&from=2024-01-01&to=2024-12-31",
                        List.of("SELECT SALESPERSON_CODE, COUNT(*), SUM(ESTIMATED_VALUE), SUM(CALCULATED_CURRENT_VALUE)"
                                + " FROM OPPORTUNITY WHERE STATUS = 'WON' AND DATE_CLOSED BETWEEN "
                                + dialect.date("2024-01-01") + " AND " + dialect.date("2024-12-31")
                                + " GROUP BY SALESPERSON_CODE")),
                new ReportCase("report: top-open-opportunities", now, "reports/top-open-opportunities?n=10",
                        List.of(rows + " WHERE STATUS = 'IN_PROGRESS' ORDER BY ESTIMATED_VALUE DESC, OPP_NO"
                                + " FETCH FIRST 10 ROWS ONLY")),
                new ReportCase("report: forecast", past, "reports/forecast?period=MONTH&by=SALESPERSON",
                        List.of("SELECT " + dialect.month("ESTIMATED_CLOSE_DATE") + ", SALESPERSON_CODE, COUNT(*),"
                                + " SUM(ESTIMATED_VALUE), SUM(CALCULATED_CURRENT_VALUE) FROM OPPORTUNITY"
                                + " WHERE STATUS = 'IN_PROGRESS' GROUP BY " + dialect.month("ESTIMATED_CLOSE_DATE")
                                + ", SALESPERSON_CODE")),
                // timed: the closings read once, grouped by all four keys, which the reader adds up per grouping (on
                // PostgreSQL at a million, GROUPING SETS of the four took 291 ms, the product's one GROUP BY 98 ms over
                // REST); checked: the groupings one by one
                new ReportCase("report: win-loss", past, "reports/win-loss?from=2024-01-01&to=2024-12-31",
                        List.of("SELECT STATUS, CLOSE_CODE, SALESPERSON_CODE, SALES_CYCLE_CODE, COUNT(*),"
                                + " SUM(ESTIMATED_VALUE), SUM(CALCULATED_CURRENT_VALUE) FROM OPPORTUNITY WHERE "
                                + closedIn2024 + " GROUP BY STATUS, CLOSE_CODE, SALESPERSON_CODE, SALES_CYCLE_CODE"),
                        List.of("SELECT STATUS, CLOSE_CODE, COUNT(*), SUM(ESTIMATED_VALUE), SUM(CALCULATED_CURRENT_VALUE)"
                                        + " FROM OPPORTUNITY WHERE " + closedIn2024 + " GROUP BY STATUS, CLOSE_CODE",
                                "SELECT SALESPERSON_CODE, STATUS, COUNT(*), SUM(CALCULATED_CURRENT_VALUE) FROM OPPORTUNITY"
                                        + " WHERE " + closedIn2024 + " GROUP BY SALESPERSON_CODE, STATUS",
                                "SELECT SALES_CYCLE_CODE, STATUS, COUNT(*), SUM(CALCULATED_CURRENT_VALUE)"
                                        + " FROM OPPORTUNITY WHERE " + closedIn2024 + " GROUP BY SALES_CYCLE_CODE, STATUS")),
                new ReportCase("report: stage-conversion", past, "reports/stage-conversion?salesCycleCode=BC1",
                        List.of(countedConversion), List.of(activity, outcomes)));
    }
}
