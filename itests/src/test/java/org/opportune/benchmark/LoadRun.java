package org.opportune.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Runs one thread per client, each moving in a closed loop (the next request leaves when the previous answer is in),
 * first for the warm-up, then for the measured time. A request counts when it completes within the measured time.
 */
final class LoadRun {
    private static final int ERROR_SAMPLES = 5;

    /** Hooks around the measured time, e.g. to start and stop a profiler. */
    interface Window {
        void opened() throws Exception;

        void closed() throws Exception;
    }

    private LoadRun() {
    }

    /**
     * @param serverCpu   the server process's total CPU time so far, or null when the work runs in this JVM
     * @param databaseCpu the database processes' total CPU time so far, or null when the database runs in the server
     *                    or in this JVM
     */
    static PhaseResult run(String name, List<? extends MoveClient> clients, Duration warmup, Duration measured,
            Supplier<Duration> serverCpu, Supplier<Duration> databaseCpu, Window window) throws Exception {
        ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
        CountDownLatch ready = new CountDownLatch(clients.size());
        CountDownLatch go = new CountDownLatch(1);
        long[] window0 = new long[2];
        AtomicBoolean stop = new AtomicBoolean();
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            Worker worker = new Worker(clients.get(i), ready, go, window0, stop, errorSamples);
            workers.add(worker);
            Thread thread = new Thread(worker, name + "-client-" + (i + 1));
            thread.setDaemon(true);
            worker.thread = thread;
            thread.start();
        }
        ready.await();
        long start = System.nanoTime();
        window0[0] = start + warmup.toNanos();
        window0[1] = window0[0] + measured.toNanos();
        go.countDown();
        System.out.printf("%s: warm-up %d s ...%n", name, warmup.toSeconds());

        Duration serverCpuAtStart;
        Duration clientCpuAtStart;
        Duration databaseCpuAtStart;
        Duration serverCpuAtEnd;
        Duration clientCpuAtEnd;
        Duration databaseCpuAtEnd;
        MachineCpu machineAtStart;
        MachineCpu machineAtEnd;
        try {
            sleepUntil(window0[0]);
            serverCpuAtStart = serverCpu == null ? null : serverCpu.get();
            clientCpuAtStart = ownCpu();
            databaseCpuAtStart = databaseCpu == null ? null : databaseCpu.get();
            machineAtStart = MachineCpu.now();
            window.opened();
            System.out.printf("%s: measuring %d s ...%n", name, measured.toSeconds());
            sleepUntil(window0[1]);
            serverCpuAtEnd = serverCpu == null ? null : serverCpu.get();
            clientCpuAtEnd = ownCpu();
            databaseCpuAtEnd = databaseCpu == null ? null : databaseCpu.get();
            machineAtEnd = MachineCpu.now();
            window.closed();
        } finally {
            // the clients run until now, so that the window's hooks see their threads
            stop.set(true);
        }

        long moves = 0;
        long conflicts = 0;
        long retried = 0;
        long totalMoves = 0;
        long errors = 0;
        List<long[]> latencyParts = new ArrayList<>();
        for (Worker worker : workers) {
            worker.thread.join(TimeUnit.MINUTES.toMillis(2));
            if (worker.thread.isAlive()) {
                throw new IllegalStateException(worker.thread.getName() + " did not finish its last request");
            }
            moves += worker.moves;
            conflicts += worker.conflicts;
            retried += worker.retried;
            totalMoves += worker.totalMoves;
            errors += worker.errors;
            latencyParts.add(Arrays.copyOf(worker.latencies, worker.count));
        }
        long[] latencies = latencyParts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        double seconds = measured.toNanos() / 1e9;
        System.out.printf("%s: %d moves in %.0f s = %.1f moves/s, p50 %.2f ms, p99 %.2f ms; %d failed%n", name,
                moves, seconds, moves / seconds, PhaseResult.percentileMillis(latencies, 50),
                PhaseResult.percentileMillis(latencies, 99), errors);
        return new PhaseResult(name, seconds, moves, conflicts, retried, latencies, totalMoves, errors,
                List.copyOf(errorSamples), cores(serverCpuAtStart, serverCpuAtEnd, seconds),
                cores(clientCpuAtStart, clientCpuAtEnd, seconds), cores(databaseCpuAtStart, databaseCpuAtEnd, seconds),
                machineAtEnd.busyCoresSince(machineAtStart));
    }

    private static Duration ownCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static double cores(Duration before, Duration after, double seconds) {
        return before == null || after == null ? Double.NaN : (after.toNanos() - before.toNanos()) / 1e9 / seconds;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        for (long left; (left = nanoTime - System.nanoTime()) > 0; ) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    /** One client's loop; its counters are read after its thread ended. */
    private static final class Worker implements Runnable {
        private final MoveClient client;
        private final CountDownLatch ready;
        private final CountDownLatch go;
        private final long[] window;
        private final AtomicBoolean stop;
        private final ConcurrentLinkedQueue<String> errorSamples;
        private Thread thread;
        private long[] latencies = new long[16_384];
        private int count;
        private long moves;
        private long conflicts;
        private long retried;
        private long totalMoves;
        private long errors;

        Worker(MoveClient client, CountDownLatch ready, CountDownLatch go, long[] window, AtomicBoolean stop,
                ConcurrentLinkedQueue<String> errorSamples) {
            this.client = client;
            this.ready = ready;
            this.go = go;
            this.window = window;
            this.stop = stop;
            this.errorSamples = errorSamples;
        }

        @Override
        public void run() {
            ready.countDown();
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long measureFrom = window[0];
            long measureTo = window[1];
            while (!stop.get()) {
                long sent = System.nanoTime();
                MoveClient.Outcome outcome = null;
                try {
                    outcome = client.move();
                } catch (Exception e) {
                    errors++;
                    if (errorSamples.size() < ERROR_SAMPLES) {
                        errorSamples.add(e.getMessage() == null ? e.toString() : e.getMessage());
                    }
                }
                long now = System.nanoTime();
                boolean moved = outcome == MoveClient.Outcome.MOVED || outcome == MoveClient.Outcome.MOVED_AFTER_RETRY;
                if (moved) {
                    totalMoves++;
                }
                if (now >= measureFrom && now < measureTo) {
                    record(now - sent);
                    if (moved) {
                        moves++;
                    }
                    if (outcome == MoveClient.Outcome.MOVED_AFTER_RETRY) {
                        retried++;
                    } else if (outcome == MoveClient.Outcome.CONFLICT) {
                        conflicts++;
                    }
                }
            }
        }

        private void record(long nanos) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
        }
    }
}
