package org.opportune.benchmark;

import java.util.List;

/** The final table. */
final class Report {
    private Report() {
    }

    static void print(BenchmarkSettings settings, PhaseResult rest, PhaseResult jdbc, List<String> problems) {
        System.out.println();
        System.out.println("Results: " + settings.describe());
        System.out.printf("%-6s %9s %8s %8s %8s %8s %9s %9s %7s %7s %10s %9s %11s %9s%n", "phase", "moves/s",
                "p50 ms", "p90 ms", "p99 ms", "max ms", "moves", "conflicts", "retried", "errors", "CPU server",
                "CPU bench", "CPU ms/move", "CPU other");
        for (PhaseResult phase : List.of(rest, jdbc)) {
            System.out.printf("%-6s %9.1f %8.2f %8.2f %8.2f %8.2f %9d %9d %7d %7d %10s %9.2f %11.2f %9.2f%n",
                    phase.name(),
                    phase.movesPerSecond(), phase.percentileMillis(50), phase.percentileMillis(90),
                    phase.percentileMillis(99), phase.maxMillis(), phase.moves(), phase.conflicts(), phase.retried(),
                    phase.errors(),
                    Double.isNaN(phase.serverCpuCores()) ? "-" : String.format("%.2f", phase.serverCpuCores()),
                    phase.clientCpuCores(), phase.cpuMillisPerMove(), phase.otherCores());
        }
        double ratio = 100.0 * rest.movesPerSecond() / jdbc.movesPerSecond();
        System.out.printf("REST/JDBC throughput: %.1f %% (target >= %d %% with 8 clients on 2 cores: %s)%n", ratio,
                settings.targetPercent(), ratio >= settings.targetPercent() ? "met" : "NOT met");
        System.out.println("(moves: successful moves completed in the measured time; latencies: every request"
                + " completed in it; CPU: cores used on average by Karaf (server), this JVM (bench) and all other"
                + " processes (other: they competed for the machine); errors cover the warm-up too)");
        for (PhaseResult phase : List.of(rest, jdbc)) {
            if (phase.errors() > 0) {
                System.out.println("FAILED: " + phase.errors() + " " + phase.name() + " requests failed, e.g.:");
                phase.errorSamples().forEach(sample -> System.out.println("  " + sample));
            }
        }
        if (problems.isEmpty()) {
            System.out.println("History checked: one active entry per opportunity, one entry per successful move.");
        } else {
            System.out.println("FAILED: the history is wrong:");
            problems.forEach(problem -> System.out.println("  " + problem));
        }
    }
}
