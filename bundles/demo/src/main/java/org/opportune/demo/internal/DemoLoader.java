package org.opportune.demo.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;

import org.opportune.api.OpportuneException;
import org.opportune.api.PageRequest;
import org.opportune.api.contact.Address;
import org.opportune.api.contact.Contact;
import org.opportune.api.contact.ContactQuery;
import org.opportune.api.contact.ContactService;
import org.opportune.api.contact.ContactType;
import org.opportune.api.contact.ContactValues;
import org.opportune.api.cycle.CloseOpportunityCodeQuery;
import org.opportune.api.cycle.CloseOpportunityCodeService;
import org.opportune.api.cycle.CloseOpportunityCodeType;
import org.opportune.api.cycle.SalesCycleQuery;
import org.opportune.api.cycle.SalesCycleService;
import org.opportune.api.opportunity.Activation;
import org.opportune.api.opportunity.CloseOutcome;
import org.opportune.api.opportunity.Closing;
import org.opportune.api.opportunity.NewOpportunity;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.api.opportunity.OpportunityQuery;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.api.opportunity.SalesQuote;
import org.opportune.api.opportunity.StageUpdate;
import org.opportune.api.salesperson.SalespersonQuery;
import org.opportune.api.salesperson.SalespersonService;
import org.opportune.api.task.ActivityService;

/**
 * Writes the demo through the public services, so every entry, value and day count is the engine's
 * own. Opportunity dates come from {@code clock}, which the loader moves along each opportunity's
 * history (the opportunities module takes "today" from it while it is registered).
 */
final class DemoLoader {
    static final int PERSONS_PER_COMPANY = 2;

    /** The services the demo writes through. */
    record Services(SalespersonService salespeople, ContactService contacts, ActivityService activities,
            SalesCycleService cycles, CloseOpportunityCodeService closeCodes, OpportunityService opportunities) {
    }

    /** What was written of the history. */
    record Totals(int opportunities, int moves) {
    }

    private final Services services;
    private final SettableClock clock;
    private final Consumer<String> log;

    DemoLoader(Services services, SettableClock clock, Consumer<String> log) {
        this.services = services;
        this.clock = clock;
        this.log = log;
    }

    /** @return whether any salesperson, contact, activity, cycle, close code or opportunity exists */
    boolean databaseHasData() {
        PageRequest one = PageRequest.of(0, 1, null);
        return services.salespeople().list(SalespersonQuery.all(), one).total() > 0
                || services.contacts().list(ContactQuery.all(), one).total() > 0
                || services.activities().list(null, one).total() > 0
                || services.cycles().list(SalesCycleQuery.all(), one).total() > 0
                || services.closeCodes().list(CloseOpportunityCodeQuery.all(), one).total() > 0
                || services.opportunities().list(OpportunityQuery.all(), one).total() > 0;
    }

    Totals load(LocalDate today) {
        DemoWorld.SALESPEOPLE.forEach(salesperson -> services.salespeople().create(salesperson.code(),
                salesperson.values()));
        // before the cycles: their stages name the activities
        DemoWorld.ACTIVITIES.forEach(activity -> services.activities().create(activity.code(), activity.values()));
        DemoWorld.CYCLES.forEach(cycle -> services.cycles().create(cycle.code(), cycle.values()));
        DemoWorld.CLOSE_CODES.forEach(code -> services.closeCodes().create(code.code(), code.values()));
        List<List<String>> contacts = contacts();
        log.accept("demo: " + DemoWorld.SALESPEOPLE.size() + " salespeople, " + DemoWorld.ACTIVITIES.size()
                + " activities, " + DemoWorld.CYCLES.size() + " sales cycles, "
                + contacts.size() * (PERSONS_PER_COMPANY + 1) + " contacts written");
        int moves = 0;
        List<DemoPlan.Script> scripts = DemoPlan.plan(today, PERSONS_PER_COMPANY);
        for (DemoPlan.Script script : scripts) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            try {
                moves += play(script, contacts.get(script.company()));
            } catch (OpportuneException refused) {
                // one opportunity's history the engine refuses must not cost the rest of the demo
                log.accept("demo: opportunity " + script.index() + " stopped early: " + refused.getMessage());
            }
        }
        return new Totals(scripts.size(), moves);
    }

    /** Each company with its persons: [company no., person nos…]. */
    private List<List<String>> contacts() {
        Random random = new Random(DemoPlan.SEED);
        List<List<String>> companies = new ArrayList<>();
        for (int i = 0; i < DemoWorld.COMPANIES.size(); i++) {
            String name = DemoWorld.COMPANIES.get(i);
            String salesperson = DemoWorld.SALESPEOPLE.get(i % DemoWorld.SALESPEOPLE.size()).code();
            Contact company = services.contacts().create(ContactValues.builder().type(ContactType.COMPANY)
                    .name(name).salespersonCode(salesperson).email("info@" + domain(name))
                    .address(Address.builder().line1(10 + i + " Market Street").city("Springfield")
                            .postCode(String.valueOf(10_000 + i * 37)).countryCode("US").build())
                    .build());
            List<String> numbers = new ArrayList<>(List.of(company.no()));
            for (int p = 0; p < PERSONS_PER_COMPANY; p++) {
                String first = DemoWorld.FIRST_NAMES.get(random.nextInt(DemoWorld.FIRST_NAMES.size()));
                String last = DemoWorld.LAST_NAMES.get(random.nextInt(DemoWorld.LAST_NAMES.size()));
                numbers.add(services.contacts().create(ContactValues.builder().type(ContactType.PERSON)
                        .name(first + " " + last).companyNo(company.no()).email(DemoWorld.email(first, domain(name)))
                        .jobTitle(p == 0 ? "Purchasing manager" : "IT manager").build()).no());
            }
            companies.add(numbers);
        }
        return companies;
    }

    private int play(DemoPlan.Script script, List<String> contactsOfCompany) {
        clock.set(script.start());
        String contact = contactsOfCompany.get(script.person() < 0 ? 0 : 1 + script.person());
        Opportunity opportunity = services.opportunities().create(NewOpportunity.builder()
                .description(script.description()).contactNo(contact).salespersonCode(script.salespersonCode())
                .salesCycleCode(script.cycle().code())
                .activation(script.activate() ? Activation.builder().estimatedValue(script.estimatedValue())
                        .chancesOfSuccessPercent(script.chancesOfSuccessPercent())
                        .estimatedCloseDate(script.start().plusDays(30 + script.index() % 60)).build() : null)
                .build());
        String no = opportunity.no();
        int codeOfOutcome = script.index();
        for (DemoPlan.Step step : script.steps()) {
            clock.set(step.date());
            switch (step.kind()) {
                // moving on, the salesperson cancels what is left of the stage's tasks, as NAV's wizard offers
                case NEXT -> services.opportunities().move(no, StageUpdate.builder(OpportunityAction.NEXT)
                        .cancelOpenTasks(true).build(), null);
                case PREVIOUS -> services.opportunities().move(no, StageUpdate.builder(OpportunityAction.PREVIOUS)
                        .cancelOpenTasks(true).build(), null);
                case UPDATE -> services.opportunities().move(no, StageUpdate.builder(OpportunityAction.UPDATE)
                        .estimatedValue(step.value()).build(), null);
                case QUOTE -> services.opportunities().assignSalesQuote(no, new SalesQuote("SQ" + (10_000 + script
                        .index()), step.value()), null);
                case WON -> services.opportunities().close(no, Closing.builder(CloseOutcome.WON,
                        closeCode(CloseOpportunityCodeType.WON, codeOfOutcome)).value(step.value()).build(), null);
                case LOST -> services.opportunities().close(no, Closing.builder(CloseOutcome.LOST,
                        closeCode(CloseOpportunityCodeType.LOST, codeOfOutcome)).build(), null);
            }
        }
        return script.steps().size();
    }

    private static String closeCode(CloseOpportunityCodeType type, int index) {
        List<DemoWorld.CloseCode> codes = DemoWorld.CLOSE_CODES.stream().filter(code -> code.type() == type)
                .toList();
        return codes.get(index % codes.size()).code();
    }

    /** Locale.ROOT: in Turkish "Institute" would lose its I's to the filter ("nsttute"). */
    static String domain(String company) {
        return company.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") + ".example";
    }
}
