package org.opportune.demo.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.opportune.api.cycle.StageValues;

/**
 * What happens to each demo opportunity, decided ahead with a fixed seed, so that every load gives
 * the same history relative to its day: when it starts, its value and chances, and each later step
 * (a move, a quote, a close) with its date, up to today. Stages are followed as the engine would, so
 * every step is one the engine accepts.
 */
final class DemoPlan {
    static final long SEED = 20_241_124L;
    static final int OPPORTUNITIES = 300;
    static final int DAYS_OF_HISTORY = 730;

    enum Kind { NEXT, PREVIOUS, UPDATE, QUOTE, WON, LOST }

    /** One step on a day; {@code value}: the new estimated value (UPDATE), the quote's amount (QUOTE), the value won. */
    record Step(LocalDate date, Kind kind, BigDecimal value) {
    }

    /**
     * @param company index into {@link DemoWorld#COMPANIES}
     * @param person  the index of one of the company's persons, or -1 for the company itself
     */
    record Script(int index, String description, int company, int person, String salespersonCode,
            DemoWorld.Cycle cycle, LocalDate start, boolean activate, BigDecimal estimatedValue,
            BigDecimal chancesOfSuccessPercent, List<Step> steps) {
    }

    private DemoPlan() {
    }

    static List<Script> plan(LocalDate today, int personsPerCompany) {
        Random random = new Random(SEED);
        List<Script> scripts = new ArrayList<>();
        for (int i = 0; i < OPPORTUNITIES; i++) {
            DemoWorld.Cycle cycle = DemoWorld.CYCLES.get(random.nextInt(DemoWorld.CYCLES.size()));
            int company = random.nextInt(DemoWorld.COMPANIES.size());
            int person = random.nextInt(3) == 0 ? -1 : random.nextInt(personsPerCompany);
            String salesperson = DemoWorld.SALESPEOPLE.get(random.nextInt(DemoWorld.SALESPEOPLE.size())).code();
            // more recent starts than old ones, as in a growing pipeline
            LocalDate start = today.minusDays(10 + (long) ((DAYS_OF_HISTORY - 10) * Math.pow(random.nextDouble(), 1.4)));
            boolean activate = random.nextInt(100) >= 6;
            BigDecimal value = BigDecimal.valueOf((1 + random.nextInt(cycle.code().startsWith("FIRSTLARG") ? 400 : 80))
                    * 500L);
            BigDecimal chances = BigDecimal.valueOf(10 + random.nextInt(9) * 5L);
            String description = DemoWorld.COMPANIES.get(company) + " – "
                    + DemoWorld.DEALS.get(random.nextInt(DemoWorld.DEALS.size()));
            List<Step> steps = activate ? steps(random, cycle, start, today, value) : List.of();
            scripts.add(new Script(i, description, company, person, salesperson, cycle, start, activate, value,
                    chances, steps));
        }
        return scripts;
    }

    private static List<Step> steps(Random random, DemoWorld.Cycle cycle, LocalDate start, LocalDate today,
            BigDecimal value) {
        List<StageValues> stages = cycle.stages();
        List<Step> steps = new ArrayList<>();
        int stage = 0; // index of the current stage
        boolean quoted = false;
        LocalDate date = start;
        while (true) {
            date = date.plusDays(3 + random.nextInt(25));
            if (date.isAfter(today)) {
                return steps; // still in progress
            }
            int roll = random.nextInt(100);
            boolean last = stage == stages.size() - 1;
            if (last ? roll < 55 : roll < 4) {
                // without a quote the value won is told; with one, the quote's amount is taken
                steps.add(new Step(date, Kind.WON, quoted ? null
                        : value.multiply(BigDecimal.valueOf(90 + random.nextInt(16))).divide(BigDecimal.valueOf(100))
                                .setScale(0, RoundingMode.HALF_UP)));
                return steps;
            }
            if (last || roll < 16) {
                steps.add(new Step(date, Kind.LOST, null));
                return steps;
            }
            if (stage > 0 && roll < 24) {
                steps.add(new Step(date, Kind.PREVIOUS, null));
                stage--;
            } else if (roll < 30 && !quoted) { // a linked quote gives the value from then on
                value = value.multiply(BigDecimal.valueOf(80 + random.nextInt(41))).divide(BigDecimal.valueOf(100))
                        .setScale(0, RoundingMode.HALF_UP);
                steps.add(new Step(date, Kind.UPDATE, value));
            } else {
                if (stages.get(stage + 1).quoteRequired() && !quoted) {
                    steps.add(new Step(date, Kind.QUOTE, value));
                    quoted = true;
                }
                steps.add(new Step(date, Kind.NEXT, null));
                stage++;
            }
        }
    }
}
