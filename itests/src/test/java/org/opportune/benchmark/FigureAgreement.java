package org.opportune.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks that the REST answer and the hand-written SQL name the same numbers, for the figures where that is a
 * matter of a few counts (or, for the top-open report, the opportunities in their order): a benchmark of SQL that
 * computes something else would compare nothing.
 */
final class FigureAgreement {
    private FigureAgreement() {
    }

    /**
     * @param results the SQL's rows, one list per query of the case, each row as text
     * @return what disagrees, if anything
     */
    static Optional<String> check(ReportCase figure, List<List<List<String>>> results, String restBody)
            throws Exception {
        JsonNode json = RestApi.JSON.readTree(restBody);
        Object rest;
        Object sql;
        switch (figure.name()) {
            case "statistics: sales cycle", "statistics: sales cycle as of" -> {
                rest = json.path("open").path("count").asLong();
                sql = sum(results.get(0), 1);
            }
            case "statistics: salesperson", "statistics: contact (company)" -> {
                rest = json.path("figures").path("count").asLong();
                sql = Long.parseLong(results.get(0).get(0).get(0));
            }
            case "report: opportunities-by-salesperson" -> {
                rest = json.path("totals").path("count").asLong();
                sql = sum(results.get(0), 1);
            }
            case "report: pipeline" -> {
                rest = json.path("totals").path("entries").asLong();
                sql = sum(results.get(0), 1);
            }
            case "report: forecast" -> {
                rest = json.path("totals").path("count").asLong();
                // COUNT(*) comes after the month's column(s) and the salesperson: third from the end
                sql = results.get(0).stream().mapToLong(row -> Long.parseLong(row.get(row.size() - 3))).sum();
            }
            case "report: win-loss" -> {
                rest = json.path("totals").path("won").asLong() + " won, " + json.path("totals").path("lost").asLong()
                        + " lost";
                long won = results.get(0).stream().filter(row -> row.get(0).equals("WON"))
                        .mapToLong(row -> Long.parseLong(row.get(2))).sum();
                sql = won + " won, " + (sum(results.get(0), 2) - won) + " lost";
            }
            case "report: top-open-opportunities" -> {
                List<String> numbers = new ArrayList<>();
                json.path("rows").forEach(row -> numbers.add(row.path("no").asText()));
                rest = numbers;
                sql = results.get(0).stream().map(row -> row.get(0)).toList();
            }
            default -> {
                return Optional.empty();
            }
        }
        return rest.equals(sql) ? Optional.empty()
                : Optional.of(figure.name() + ": REST says " + rest + ", SQL says " + sql);
    }

    private static long sum(List<List<String>> rows, int column) {
        return rows.stream().mapToLong(row -> Long.parseLong(row.get(column))).sum();
    }
}
