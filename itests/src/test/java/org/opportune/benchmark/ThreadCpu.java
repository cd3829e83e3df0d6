package org.opportune.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time per thread of a process from Linux's /proc (empty elsewhere), to tell the request threads from the
 * garbage collector, the JIT compilers and Derby's background threads - work a CPU profile of Java code misses.
 */
final class ThreadCpu {
    /** USER_HZ: the unit of utime and stime in /proc/[pid]/task/[tid]/stat. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final Map<String, Long> ticksByThread;

    private ThreadCpu(Map<String, Long> ticksByThread) {
        this.ticksByThread = ticksByThread;
    }

    static ThreadCpu of(ProcessHandle process) {
        Map<String, Long> ticks = new HashMap<>();
        Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
        if (!Files.isDirectory(tasks)) {
            return new ThreadCpu(ticks);
        }
        try (Stream<Path> threads = Files.list(tasks)) {
            threads.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    // "tid (name) state ppid ..." - the name may contain spaces and parentheses
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String[] fields = stat.substring(close + 2).split(" ");
                    long cpu = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    ticks.put(task.getFileName() + " " + stat.substring(open + 1, close), cpu);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException e) {
            return new ThreadCpu(ticks);
        }
        return new ThreadCpu(ticks);
    }

    /** Cores used per group of threads (names with their numbers left out) between {@code earlier} and this. */
    Map<String, Double> coresSince(ThreadCpu earlier, double seconds) {
        Map<String, Double> cores = new HashMap<>();
        ticksByThread.forEach((thread, ticks) -> {
            long used = ticks - earlier.ticksByThread.getOrDefault(thread, 0L);
            if (used > 0) {
                String group = thread.substring(thread.indexOf(' ') + 1).replaceAll("[0-9]+", "#");
                cores.merge(group, used / TICKS_PER_SECOND / seconds, Double::sum);
            }
        });
        return cores;
    }

    /** CPU seconds per group of threads (names with their numbers left out) since the process started. */
    Map<String, Double> secondsByGroup() {
        return coresSince(new ThreadCpu(Map.of()), 1.0);
    }

    static String describe(Map<String, Double> cores, int top) {
        StringBuilder text = new StringBuilder();
        cores.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(top)
                .forEach(e -> text.append(text.length() == 0 ? "" : ", ")
                        .append(String.format("%s %.2f", e.getKey(), e.getValue())));
        return text.toString();
    }
}
