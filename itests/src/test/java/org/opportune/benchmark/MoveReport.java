package org.opportune.benchmark;

import java.util.List;

/** The move benchmark's final table, with the tasks each phase wrote and the CPU of a database process. */
final class MoveReport {
    private MoveReport() {
    }

    /**
     * @param restTasks     the tasks the REST phase wrote (warm-up included)
     * @param jdbcTasks     the tasks the JDBC phase wrote (warm-up included)
     * @param cpuAccounting how the database's CPU is counted
     */
    static void print(BenchmarkSettings settings, PhaseResult rest, PhaseResult jdbc, long restTasks, long jdbcTasks,
            String cpuAccounting, List<String> problems) {
        System.out.println();
        System.out.println("Results: " + settings.describe());
        System.out.printf("%-6s %9s %8s %8s %8s %8s %9s %9s %7s %7s %8s %10s %9s %9s %7s %12s %11s %9s%n", "phase",
                "moves/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "moves", "conflicts", "retried", "errors", "tasks",
                "tasks/move", "CPU karaf", "CPU bench", "CPU pg", "srv ms/move", "CPU ms/move", "CPU other");
        for (PhaseResult phase : List.of(rest, jdbc)) {
            long tasks = phase == rest ? restTasks : jdbcTasks;
            System.out.printf("%-6s %9.1f %8.2f %8.2f %8.2f %8.2f %9d %9d %7d %7d %8d %10.3f %9s %9.2f %7s %12.2f %11.2f"
                    + " %9.2f%n", phase.name(),
                    phase.movesPerSecond(), phase.percentileMillis(50), phase.percentileMillis(90),
                    phase.percentileMillis(99), phase.maxMillis(), phase.moves(), phase.conflicts(), phase.retried(),
                    phase.errors(), tasks, phase.totalMoves() == 0 ? Double.NaN : (double) tasks / phase.totalMoves(),
                    cores(phase.serverCpuCores()), phase.clientCpuCores(), cores(phase.databaseCpuCores()),
                    phase.serverCpuMillisPerMove(), phase.cpuMillisPerMove(), phase.otherCores());
        }
        double ratio = 100.0 * rest.movesPerSecond() / jdbc.movesPerSecond();
        System.out.printf("REST/JDBC throughput: %.1f %% (target >= %d %% with 8 clients on 2 cores: %s)%n", ratio,
                settings.targetPercent(), ratio >= settings.targetPercent() ? "met" : "NOT met");
        System.out.println("(moves: successful moves completed in the measured time; latencies: every request"
                + " completed in it; tasks: TASK rows the phase wrote, warm-up included, per successful move of the"
                + " phase; CPU: cores used on average in the measured time by Karaf, this JVM (bench: the HTTP clients"
                + " in REST, the statements in JDBC), the PostgreSQL processes (pg) and all other processes (other:"
                + " they competed for the machine); srv ms/move = (Karaf in REST, bench in JDBC) + pg; CPU ms/move ="
                + " karaf + bench + pg; errors cover the warm-up too)");
        System.out.println("(" + cpuAccounting + ")");
        for (PhaseResult phase : List.of(rest, jdbc)) {
            if (phase.errors() > 0) {
                System.out.println("FAILED: " + phase.errors() + " " + phase.name() + " requests failed, e.g.:");
                phase.errorSamples().forEach(sample -> System.out.println("  " + sample));
            }
        }
        if (problems.isEmpty()) {
            System.out.println("History checked: one active entry per opportunity, one entry per successful move,"
                    + " one task per step for every entry at an activity's stage and no other task, the JDBC phase's"
                    + " rows alike the REST phase's.");
        } else {
            System.out.println("FAILED: the history is wrong:");
            problems.forEach(problem -> System.out.println("  " + problem));
        }
    }

    private static String cores(double cores) {
        return Double.isNaN(cores) ? "-" : String.format("%.2f", cores);
    }
}
