package org.opportune.benchmark;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The figures of one measured phase.
 *
 * @param name           REST or JDBC
 * @param seconds        the measured time
 * @param moves          successful moves that completed within the measured time
 * @param conflicts      stale-version refusals within the measured time (only when clients share opportunities)
 * @param retried        moves within the measured time that succeeded only after the database rolled them back
 *                       for a transient reason (JDBC only; REST clients never retry)
 * @param latencies      nanoseconds of every request completed within the measured time, sorted
 * @param totalMoves     successful moves of the whole phase, warm-up included (the rows it wrote)
 * @param errors         failed requests of the whole phase, warm-up included
 * @param errorSamples   the first few failures, for the printout
 * @param serverCpuCores CPU the server process used during the measured time, in cores (NaN when in-process)
 * @param clientCpuCores CPU the benchmark JVM used during the measured time, in cores
 * @param databaseCpuCores CPU the database's own processes used during the measured time, in cores (NaN when the
 *                       database runs inside the server or the benchmark JVM: Derby)
 * @param machineCores   CPU the whole machine used during the measured time, in cores (NaN when unknown)
 */
record PhaseResult(String name, double seconds, long moves, long conflicts, long retried, long[] latencies, long totalMoves,
        long errors, List<String> errorSamples, double serverCpuCores, double clientCpuCores,
        double databaseCpuCores, double machineCores) {

    double movesPerSecond() {
        return moves / seconds;
    }

    /** CPU other processes used meanwhile, in cores: they competed with the phase for the machine. */
    double otherCores() {
        return machineCores - orZero(serverCpuCores) - clientCpuCores - orZero(databaseCpuCores);
    }

    /** CPU milliseconds per move, server, benchmark JVM and database together (all do work a move needs). */
    double cpuMillisPerMove() {
        return millisPerMove(orZero(serverCpuCores) + clientCpuCores + orZero(databaseCpuCores));
    }

    /**
     * CPU milliseconds per move of what serves the move: Karaf (REST: the benchmark JVM is only the HTTP clients
     * then) or the benchmark JVM (JDBC: it runs the statements), plus the database's processes.
     */
    double serverCpuMillisPerMove() {
        double serving = Double.isNaN(serverCpuCores) ? clientCpuCores : serverCpuCores;
        return millisPerMove(serving + orZero(databaseCpuCores));
    }

    private double millisPerMove(double cores) {
        return moves == 0 ? Double.NaN : cores * seconds * 1000 / moves;
    }

    private static double orZero(double cores) {
        return Double.isNaN(cores) ? 0 : cores;
    }

    /** The latency below which {@code percent} % of the requests completed, in milliseconds (nearest rank). */
    double percentileMillis(double percent) {
        return percentileMillis(latencies, percent);
    }

    /** @param sorted latencies in nanoseconds, ascending */
    static double percentileMillis(long[] sorted, double percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return millis(sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]);
    }

    double maxMillis() {
        return latencies.length == 0 ? Double.NaN : millis(latencies[latencies.length - 1]);
    }

    private static double millis(long nanos) {
        return nanos / (double) TimeUnit.MILLISECONDS.toNanos(1);
    }
}
