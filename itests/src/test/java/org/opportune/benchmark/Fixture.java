package org.opportune.benchmark;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The data the benchmark moves, set up over REST as a user would: a salesperson, a company contact, optionally an
 * activity of two steps, a sales cycle with four stages (MULTIPLY, no quote required, no skipping; stages 2 and 4
 * name the activity when there is one) and opportunities created and activated in one request.
 * <p>
 * With the activity, every NEXT into stage 2 or 4 and every PREVIOUS into stage 2 makes two tasks (DOMAIN §10): on
 * the route NEXT, NEXT, NEXT, PREVIOUS, PREVIOUS, PREVIOUS three moves in six do, one task per move on average.
 *
 * @param activityStages the stages that name {@link #ACTIVITY} (empty without activities)
 * @param activitySteps  how many tasks a move into one of those stages makes
 * @param opportunities  the opportunities with their stage and version right after creation
 */
record Fixture(String salespersonCode, String contactNo, String cycleCode, int lowestStage, int highestStage,
        List<Integer> activityStages, int activitySteps, List<Started> opportunities) {

    /** An opportunity as its creation left it. */
    record Started(String no, int stage, long version) {
    }

    static final String SALESPERSON = "BENCH";
    static final String CYCLE = "BENCH";
    static final String ACTIVITY = "BENCH";
    private static final int STAGES = 4;
    private static final List<Integer> ACTIVITY_STAGES = List.of(2, 4);
    private static final Duration ENDPOINT_WAIT = Duration.ofSeconds(90);

    /** @param activities whether stages 2 and 4 name an activity (created here) */
    static Fixture create(RestApi api, int opportunityCount, boolean activities) throws Exception {
        api.awaitOpen("opportunities", ENDPOINT_WAIT);
        int steps = 0;
        if (activities) {
            api.awaitOpen("activities", ENDPOINT_WAIT); // the tasks module, which also makes the tasks of moves
            List<Map<String, Object>> activitySteps = List.of(
                    Map.of("step", 1, "type", "PHONE_CALL", "description", "Call the buyer"),
                    Map.of("step", 2, "type", "TODO", "description", "Send the offer", "priority", "HIGH",
                            "dateFormula", "3D"));
            steps = api.create("activities", Map.of("code", ACTIVITY, "description", "Benchmark activity",
                    "steps", activitySteps)).path("steps").size();
            if (steps != activitySteps.size()) {
                throw new IllegalStateException("the activity " + ACTIVITY + " was created with " + steps
                        + " steps instead of " + activitySteps.size());
            }
        }
        api.create("salespeople", Map.of("code", SALESPERSON, "name", "Benchmark Seller"));
        String contactNo = api.create("contacts", Map.of("type", "COMPANY", "name", "Benchmark Ltd",
                "salespersonCode", SALESPERSON)).path("no").asText();
        List<Map<String, Object>> stages = new ArrayList<>();
        for (int stage = 1; stage <= STAGES; stage++) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("stage", stage);
            values.put("description", "Stage " + stage);
            values.put("completedPercent", 25 * stage);
            values.put("chancesOfSuccessPercent", 20 * stage);
            values.put("quoteRequired", false);
            values.put("allowSkip", false);
            values.put("dateFormula", (5 * stage) + "D");
            if (activities && ACTIVITY_STAGES.contains(stage)) {
                values.put("activityCode", ACTIVITY);
            }
            stages.add(values);
        }
        api.create("sales-cycles", Map.of("code", CYCLE, "description", "Benchmark cycle",
                "probabilityCalculation", "MULTIPLY", "stages", stages));

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Started> opportunities = new ArrayList<>();
        for (int i = 1; i <= opportunityCount; i++) {
            JsonNode created = api.create("opportunities", Map.of(
                    "description", "Benchmark opportunity " + i,
                    "contactNo", contactNo,
                    "salespersonCode", SALESPERSON,
                    "salesCycleCode", CYCLE,
                    "activate", Map.of("estimatedValue", 10_000, "chancesOfSuccessPercent", 50,
                            "estimatedCloseDate", today.plusDays(90).toString())));
            if (created.path("currentStage").asInt() != 1) {
                throw new IllegalStateException("the created opportunity is not at stage 1: " + created);
            }
            opportunities.add(new Started(created.path("no").asText(), 1, created.path("version").asLong()));
        }
        return new Fixture(SALESPERSON, contactNo, CYCLE, 1, STAGES, activities ? ACTIVITY_STAGES : List.of(), steps,
                List.copyOf(opportunities));
    }

    /** The route of client {@code client} (0-based): its own opportunity, or one of the shared ones in turn. */
    Route routeOf(int client) {
        Started opportunity = opportunities.get(client % opportunities.size());
        return new Route(opportunity.no(), lowestStage, highestStage, opportunity.stage(), opportunity.version());
    }

    String describe() {
        String first = opportunities.get(0).no();
        String last = opportunities.get(opportunities.size() - 1).no();
        return "salesperson " + salespersonCode + ", company " + contactNo + ", cycle " + cycleCode + " ("
                + (highestStage - lowestStage + 1) + " stages, MULTIPLY"
                + (activityStages.isEmpty() ? ", no activities" : ", stages " + activityStages + " name activity "
                        + ACTIVITY + " of " + activitySteps + " steps")
                + "), " + opportunities.size()
                + " activated opportunit" + (opportunities.size() == 1 ? "y " + first : "ies " + first + ".." + last);
    }
}
