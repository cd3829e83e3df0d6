package org.opportune.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole machine's busy CPU time from Linux's /proc/stat, to tell how much other processes took from a phase
 * (builds and tests of others on a shared machine disturb the figures). NaN where there is no /proc/stat.
 *
 * @param busy  ticks spent on anything but idle and I/O wait, all cores together
 * @param total all ticks, all cores together
 */
record MachineCpu(long busy, long total) {

    static MachineCpu now() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length; i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new MachineCpu(total - idle, total);
        } catch (IOException | RuntimeException e) {
            return new MachineCpu(-1, -1);
        }
    }

    /** Cores busy on average since {@code earlier}. */
    double busyCoresSince(MachineCpu earlier) {
        if (total < 0 || earlier.total < 0 || total == earlier.total) {
            return Double.NaN;
        }
        return (double) (busy - earlier.busy) / (total - earlier.total) * Runtime.getRuntime().availableProcessors();
    }
}
