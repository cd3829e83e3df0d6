package org.opportune.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The CPU time of a process and everything under it, from Linux's /proc: the root's own time and the time of the
 * children it has waited for (cutime, cstime: ended backends, say) plus the own time of every live descendant. Zero
 * where there is no /proc.
 */
final class ProcessTreeCpu {
    /** USER_HZ: the unit of the times in /proc/[pid]/stat. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final ProcessHandle root;

    private ProcessTreeCpu(ProcessHandle root) {
        this.root = root;
    }

    static ProcessTreeCpu of(ProcessHandle root) {
        return new ProcessTreeCpu(root);
    }

    ProcessHandle root() {
        return root;
    }

    Duration total() {
        long ticks = ticks(root.pid(), true);
        ticks += root.descendants().mapToLong(process -> ticks(process.pid(), false)).sum();
        return Duration.ofNanos((long) (ticks / TICKS_PER_SECOND * 1e9));
    }

    /** utime + stime (+ cutime + cstime), or 0 when the process has ended meanwhile. */
    private static long ticks(long pid, boolean withEndedChildren) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // "pid (name) state ppid ...": the name may contain spaces; fields from state on
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return withEndedChildren ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
