package org.opportune.benchmark;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Prints where the seconds go: both boots' milestones and phases side by side, then ours in detail. */
final class BootReport {
    private static final int THIRD_PARTY_SHOWN = 10;

    private BootReport() {
    }

    static void print(Map<String, Long> stock, Map<String, Long> ours, int rounds) {
        System.out.printf("%nWhere the seconds go (from each boot's data/log/karaf.log; medians of %d round%s, ms;"
                + " a sum of medians need not equal the median of sums)%n", rounds, rounds == 1 ? "" : "s");
        System.out.printf("%n%-70s %8s %8s %8s%n", "milestone, after the process start", "stock", "ours", "diff");
        sideBySide(stock, ours, BootBreakdown.MILESTONE);
        System.out.printf("%n%-70s %8s %8s %8s%n", "phase", "stock", "ours", "diff");
        sideBySide(stock, ours, BootBreakdown.PHASE);

        System.out.printf("%nOurs: persistence units were activated (DS, synchronously) inside the start of%n");
        with(ours, BootBreakdown.TRIGGER).forEach((k, v) -> System.out.printf("  %-68s %8d%n", k, v));
        System.out.printf("%nOurs: Opportune bundle starts, their own time (the features service starts one bundle at"
                + " a time)%n");
        with(ours, BootBreakdown.BUNDLE).entrySet().stream().filter(e -> e.getKey().startsWith("org.opportune"))
                .forEach(e -> System.out.printf("  %-68s %8d%n", e.getKey(), e.getValue()));
        System.out.printf("%nThe %d slowest third-party bundle starts%n", THIRD_PARTY_SHOWN);
        System.out.printf("  %-68s %8s %8s%n", "", "stock", "ours");
        Map<String, Long> stockBundles = with(stock, BootBreakdown.BUNDLE);
        with(ours, BootBreakdown.BUNDLE).entrySet().stream().filter(e -> !e.getKey().startsWith("org.opportune"))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(THIRD_PARTY_SHOWN)
                .forEach(e -> System.out.printf("  %-68s %8s %8d%n", e.getKey(), show(stockBundles.get(e.getKey())),
                        e.getValue()));

        Map<String, Long> liquibase = with(ours, BootBreakdown.LIQUIBASE);
        Map<String, Long> changesets = with(ours, BootBreakdown.CHANGESETS);
        Map<String, Long> eclipseLink = with(ours, BootBreakdown.ECLIPSELINK);
        Map<String, Long> beforeVersion = with(ours, BootBreakdown.ECLIPSELINK_BEFORE);
        Set<String> units = new LinkedHashSet<>(liquibase.keySet());
        units.addAll(eclipseLink.keySet());
        System.out.printf("%nOurs: persistence units, in the order they started. Liquibase: its first to its last"
                + " line. EclipseLink: Liquibase's end to EclipseLink's version line (metadata, deploy, login), then"
                + " that line to the thread's next line (an upper bound: it includes the next unit's Liquibase"
                + " set-up)%n");
        System.out.printf("  %-32s %10s %12s %14s %12s%n", "unit", "Liquibase", "change sets", "EL to version",
                "EL after");
        for (String unit : units) {
            System.out.printf("  %-32s %10s %12s %14s %12s%n", unit, show(liquibase.get(unit)),
                    show(changesets.get(unit)), show(beforeVersion.get(unit)), show(eclipseLink.get(unit)));
        }
        Map<String, Long> request = with(ours, BootBreakdown.REQUEST);
        if (!request.isEmpty()) {
            System.out.printf("%nOurs: work done on a request thread (components activated by the first request)%n");
            request.forEach((k, v) -> System.out.printf("  %-68s %8d%n", k, v));
        }
        System.out.println("""

                What karaf.log does not say (so the figures above are bounds, not measurements):
                  - when a persistence unit's EntityManagerFactory is ready (EclipseLink logs its version at login
                    only): its time runs to the next line of the thread, which may be the next unit's Liquibase;
                  - the Derby database's creation and Liquibase's set-up before its first line ("the rest");
                  - when Jersey starts and is ready (it starts on the first request; only StartupLatch says when
                    the API opened).""");
    }

    private static void sideBySide(Map<String, Long> stock, Map<String, Long> ours, String prefix) {
        Set<String> keys = new LinkedHashSet<>(with(ours, prefix).keySet());
        keys.addAll(with(stock, prefix).keySet());
        Map<String, Long> s = with(stock, prefix);
        Map<String, Long> o = with(ours, prefix);
        for (String key : keys) {
            Long a = s.get(key);
            Long b = o.get(key);
            System.out.printf("%-70s %8s %8s %8s%n", key, show(a), show(b),
                    a == null || b == null ? "" : String.format("%+d", b - a));
        }
    }

    private static Map<String, Long> with(Map<String, Long> figures, String prefix) {
        return figures.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .collect(Collectors.toMap(e -> e.getKey().substring(prefix.length()), Map.Entry::getValue,
                        (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private static String show(Long value) {
        return value == null ? "-" : Long.toString(value);
    }
}
