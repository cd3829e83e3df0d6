package org.opportune.demo.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.opportune.api.cycle.CloseCodeValues;
import org.opportune.api.cycle.CloseOpportunityCodeType;
import org.opportune.api.cycle.SalesCycleValues;
import org.opportune.api.cycle.StageValues;
import org.opportune.api.salesperson.SalespersonValues;
import org.opportune.api.task.ActivityStepValues;
import org.opportune.api.task.ActivityValues;
import org.opportune.api.task.TaskPriority;
import org.opportune.api.task.TaskType;

/**
 * The fixed part of the demo: activities, sales cycles like NAV's demo ones (their stages naming the activities and
 * limiting the days a deal may stay idle), close codes, salespeople and companies.
 */
final class DemoWorld {

    /** An activity to create, under its code, before the cycles that name it. */
    record Activity(String code, ActivityValues values) {
    }

    /** A sales cycle to create, under its code. */
    record Cycle(String code, SalesCycleValues values) {
        List<StageValues> stages() {
            return values.stages();
        }
    }

    /** A close opportunity code to create. */
    record CloseCode(String code, CloseCodeValues values) {
        CloseOpportunityCodeType type() {
            return values.type();
        }
    }

    /** A salesperson to create, under its code. */
    record Salesperson(String code, SalespersonValues values) {
    }

    /** What the salesperson is to do when a deal enters a stage; each step becomes a task (DOMAIN §10). */
    static final List<Activity> ACTIVITIES = List.of(
            activity("INIT", "Initial contact",
                    step(1, TaskType.PHONE_CALL, "Call the buyer", TaskPriority.HIGH, "2D"),
                    step(2, TaskType.MEETING, "Meet the decision makers", TaskPriority.NORMAL, "1W")),
            activity("PRESENT", "Presentation",
                    step(1, TaskType.TODO, "Prepare the presentation", TaskPriority.NORMAL, null),
                    step(2, TaskType.MEETING, "Present the solution", TaskPriority.HIGH, "5D")),
            activity("PROPOSAL", "Proposal",
                    step(1, TaskType.TODO, "Send the quote", TaskPriority.HIGH, "1D"),
                    step(2, TaskType.PHONE_CALL, "Follow up on the quote", TaskPriority.NORMAL, "1W")),
            activity("NEGOTIATE", "Negotiation",
                    step(1, TaskType.MEETING, "Negotiate the terms", TaskPriority.HIGH, "3D"),
                    step(2, TaskType.TODO, "Have the contract reviewed", TaskPriority.LOW, "1W")),
            // without steps: one to-do with the activity's description
            activity("SIGNOFF", "Get the order signed"));

    /**
     * The stages' columns: number, description, completed %, chances %, date formula, quote required, allow skip,
     * activity, max. days idle. The demo's deals in progress were last moved up to four weeks ago, so the shorter
     * limits make some of them stale (8 of the 43 in progress; DemoPlanTest checks that there are some).
     */
    static final List<Cycle> CYCLES = List.of(
            cycle("EXISTING", "Existing customer", "MULTIPLY", List.of(
                    stage(1, "Initial contact", "10", "30", "1W", false, false, "INIT", 10),
                    stage(2, "Needs analysis", "30", "50", "2W", false, true, null, 21),
                    stage(3, "Proposal", "60", "60", "2W", true, false, "PROPOSAL", 14),
                    stage(4, "Sign-off", "90", "80", "1W", false, false, "SIGNOFF", 21))),
            cycle("NEW", "New customer", "MULTIPLY", List.of(
                    stage(1, "Initial contact", "5", "10", "1W", false, false, "INIT", 10),
                    stage(2, "Qualification", "15", "20", "2W", false, true, null, 30),
                    stage(3, "Presentation", "30", "30", "2W", false, true, "PRESENT", 14),
                    stage(4, "Proposal", "50", "40", "3W", true, false, "PROPOSAL", 14),
                    stage(5, "Negotiation", "75", "60", "2W", true, false, "NEGOTIATE", 14),
                    stage(6, "Sign-off", "90", "80", "1W", false, false, "SIGNOFF", null))),
            cycle("FIRSTSMALL", "First sale, small", "ADD", List.of(
                    stage(1, "Initial contact", "10", "20", "5D", false, false, "INIT", 7),
                    stage(2, "Demonstration", "40", "40", "10D", false, true, "PRESENT", 10),
                    stage(3, "Quote", "70", "60", "7D", true, false, "PROPOSAL", 10),
                    stage(4, "Order", "90", "80", "5D", false, false, "SIGNOFF", null))),
            cycle("FIRSTLARG", "First sale, large", "MULTIPLY", List.of(
                    stage(1, "Initial contact", "5", "10", "2W", false, false, "INIT", 14),
                    stage(2, "Qualification", "10", "15", "3W", false, true, null, 30),
                    stage(3, "Workshop", "20", "25", "3W", false, true, "PRESENT", 21),
                    stage(4, "Solution design", "35", "35", "1M", false, false, null, 45),
                    stage(5, "Proposal", "55", "45", "1M", true, false, "PROPOSAL", 14),
                    stage(6, "Negotiation", "75", "60", "3W", true, false, "NEGOTIATE", 21),
                    stage(7, "Contract", "90", "80", "2W", false, false, "SIGNOFF", null))));

    static final List<CloseCode> CLOSE_CODES = List.of(
            code("WON-PRICE", "Best price", CloseOpportunityCodeType.WON),
            code("WON-SERV", "Service and support", CloseOpportunityCodeType.WON),
            code("WON-REL", "Relationship", CloseOpportunityCodeType.WON),
            code("LOST-PRICE", "Too expensive", CloseOpportunityCodeType.LOST),
            code("LOST-COMP", "Chose a competitor", CloseOpportunityCodeType.LOST),
            code("LOST-BUDG", "No budget", CloseOpportunityCodeType.LOST));

    static final List<Salesperson> SALESPEOPLE = List.of(
            salesperson("AH", "Annette Hill", "Account manager", "2.5"),
            salesperson("BC", "Bart Clark", "Account manager", "2.5"),
            salesperson("JO", "John Roberts", "Sales manager", "1.5"),
            salesperson("PS", "Peter Saddow", "Key account manager", "3"),
            salesperson("RB", "Robin Bettencourt", "Inside sales", "2"),
            salesperson("HR", "Helen Ray", "Inside sales", "2"));

    static final List<String> COMPANIES = List.of("Cronus Cardoxy Procurement", "Fabrikam Inc.", "Litware Ltd",
            "Adatum Corporation", "Trey Research", "Alpine Ski House", "Coho Winery", "Contoso Pharmaceuticals",
            "Northwind Traders", "Tailspin Toys", "Wide World Importers", "Woodgrove Bank", "Blue Yonder Airlines",
            "City Power & Light", "Fourth Coffee", "Graphic Design Institute", "Humongous Insurance",
            "Lucerne Publishing", "Margie's Travel", "Proseware Inc.", "Southridge Video", "The Phone Company",
            "VanArsdel Ltd", "Wingtip Toys", "School of Fine Art", "Relecloud", "Bellows College",
            "Consolidated Messenger", "First Up Consultants", "Nod Publishers");

    static final List<String> FIRST_NAMES = List.of("Anna", "Ben", "Chloe", "David", "Emma", "Felix", "Grace",
            "Henry", "Isla", "Jack", "Kate", "Liam", "Mia", "Noah", "Olivia", "Paul");

    static final List<String> LAST_NAMES = List.of("Adams", "Baker", "Carter", "Dixon", "Evans", "Fisher", "Grant",
            "Hughes", "Irving", "Jones", "Knight", "Lewis", "Moore", "Nash", "Owens", "Price");

    static final List<String> DEALS = List.of("licences", "support renewal", "hardware refresh", "consulting",
            "training", "cloud migration", "expansion", "pilot project", "upgrade", "maintenance contract");

    private DemoWorld() {
    }

    private static Cycle cycle(String code, String description, String probabilityCalculation,
            List<StageValues> stages) {
        return new Cycle(code, SalesCycleValues.builder().description(description)
                .probabilityCalculation(probabilityCalculation).stages(stages).build());
    }

    private static StageValues stage(int number, String description, String completed, String chances,
            String formula, boolean quoteRequired, boolean allowSkip, String activityCode, Integer maxDaysIdle) {
        return StageValues.builder(number).description(description).completedPercent(new BigDecimal(completed))
                .chancesOfSuccessPercent(new BigDecimal(chances)).quoteRequired(quoteRequired).allowSkip(allowSkip)
                .dateFormula(formula).activityCode(activityCode).maxDaysIdle(maxDaysIdle).build();
    }

    private static Activity activity(String code, String description, ActivityStepValues... steps) {
        return new Activity(code, new ActivityValues(description, List.of(steps)));
    }

    private static ActivityStepValues step(int number, TaskType type, String description, TaskPriority priority,
            String dateFormula) {
        return new ActivityStepValues(number, type, description, priority, dateFormula);
    }

    /** Locale.ROOT: a server running in Turkish must still write isla@, not one with a dotless i. */
    static String email(String localPart, String domain) {
        return localPart.toLowerCase(Locale.ROOT) + "@" + domain;
    }

    private static CloseCode code(String code, String description, CloseOpportunityCodeType type) {
        return new CloseCode(code, CloseCodeValues.builder().description(description).type(type).build());
    }

    private static Salesperson salesperson(String code, String name, String jobTitle, String commission) {
        return new Salesperson(code, SalespersonValues.builder().name(name).email(email(code, "cronus.example"))
                .jobTitle(jobTitle).commissionPercent(new BigDecimal(commission)).build());
    }
}
