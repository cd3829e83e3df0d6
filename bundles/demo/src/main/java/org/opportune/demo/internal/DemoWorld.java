package org.opportune.demo.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.opportune.api.cycle.CloseOpportunityCode;
import org.opportune.api.cycle.CloseOpportunityCodeType;
import org.opportune.api.cycle.SalesCycle;
import org.opportune.api.cycle.SalesCycleStage;
import org.opportune.api.salesperson.Salesperson;

/** The fixed part of the demo: sales cycles like NAV's demo ones, close codes, salespeople and companies. */
final class DemoWorld {

    static final List<SalesCycle> CYCLES = List.of(
            new SalesCycle("EXISTING", "Existing customer", "MULTIPLY", false, List.of(
                    stage(1, "Initial contact", "10", "30", "1W", false, false),
                    stage(2, "Needs analysis", "30", "50", "2W", false, true),
                    stage(3, "Proposal", "60", "60", "2W", true, false),
                    stage(4, "Sign-off", "90", "80", "1W", false, false))),
            new SalesCycle("NEW", "New customer", "MULTIPLY", false, List.of(
                    stage(1, "Initial contact", "5", "10", "1W", false, false),
                    stage(2, "Qualification", "15", "20", "2W", false, true),
                    stage(3, "Presentation", "30", "30", "2W", false, true),
                    stage(4, "Proposal", "50", "40", "3W", true, false),
                    stage(5, "Negotiation", "75", "60", "2W", true, false),
                    stage(6, "Sign-off", "90", "80", "1W", false, false))),
            new SalesCycle("FIRSTSMALL", "First sale, small", "ADD", false, List.of(
                    stage(1, "Initial contact", "10", "20", "5D", false, false),
                    stage(2, "Demonstration", "40", "40", "10D", false, true),
                    stage(3, "Quote", "70", "60", "7D", true, false),
                    stage(4, "Order", "90", "80", "5D", false, false))),
            new SalesCycle("FIRSTLARG", "First sale, large", "MULTIPLY", false, List.of(
                    stage(1, "Initial contact", "5", "10", "2W", false, false),
                    stage(2, "Qualification", "10", "15", "3W", false, true),
                    stage(3, "Workshop", "20", "25", "3W", false, true),
                    stage(4, "Solution design", "35", "35", "1M", false, false),
                    stage(5, "Proposal", "55", "45", "1M", true, false),
                    stage(6, "Negotiation", "75", "60", "3W", true, false),
                    stage(7, "Contract", "90", "80", "2W", false, false))));

    static final List<CloseOpportunityCode> CLOSE_CODES = List.of(
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

    private static SalesCycleStage stage(int number, String description, String completed, String chances,
            String formula, boolean quoteRequired, boolean allowSkip) {
        return new SalesCycleStage(number, description, new BigDecimal(completed), new BigDecimal(chances), null,
                quoteRequired, allowSkip, formula);
    }

    /** Locale.ROOT: a server running in Turkish must still write isla@, not one with a dotless i. */
    static String email(String localPart, String domain) {
        return localPart.toLowerCase(Locale.ROOT) + "@" + domain;
    }

    private static CloseOpportunityCode code(String code, String description, CloseOpportunityCodeType type) {
        return new CloseOpportunityCode(code, description, type, null);
    }

    private static Salesperson salesperson(String code, String name, String jobTitle, String commission) {
        return new Salesperson(code, name, email(code, "cronus.example"), null, jobTitle,
                new BigDecimal(commission), false, null);
    }
}
