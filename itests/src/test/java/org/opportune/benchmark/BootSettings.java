package org.opportune.benchmark;

import static org.opportune.benchmark.SystemProperties.number;
import static org.opportune.benchmark.SystemProperties.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What a boot benchmark run is asked to do, from system properties (the {@code benchmark-boot} Maven profile passes
 * them through).
 *
 * @param opportune  the built distribution's zip
 * @param stock      the stock Apache Karaf zip of the version the assembly is built on
 * @param workFolder where each boot is unpacked (a new sub-folder per run, kept for inspection)
 * @param boots      rounds; each round boots stock, then ours, each from a freshly unpacked copy
 * @param settle     how long after the first answer the resident memory is read
 * @param timeout    how long one boot may take to answer
 * @param breakdown  whether to print where the seconds go (from each boot's karaf.log)
 */
record BootSettings(Path opportune, Path stock, Path workFolder, int boots, Duration settle, Duration timeout,
        boolean breakdown) {

    /** The boot-time ratio the issue aims at: ours ≤ 1.5 × stock Karaf + http. */
    static final double TIME_TARGET = 1.5;
    /** The resident-memory ratio the issue aims at: ours ≤ 1.3 × stock Karaf + http, after boot. */
    static final double RSS_TARGET = 1.3;

    static BootSettings fromSystemProperties() {
        Path opportune = existing("benchmark.distribution",
                "build it first: mvn -B -q install -DskipTests -pl karaf-assembly -am");
        Path stock = existing("benchmark.stockDistribution",
                "the benchmark-boot profile passes org.apache.karaf:apache-karaf:zip from the local repository");
        return new BootSettings(opportune, stock, Path.of(text("benchmark.workFolder", "target/benchmark-boot/runs")),
                number("benchmark.boots", 5, 1, 100), Duration.ofSeconds(number("benchmark.settle", 10, 0, 600)),
                Duration.ofSeconds(number("benchmark.bootTimeout", 300, 10, 3600)),
                Boolean.parseBoolean(text("benchmark.bootBreakdown", "true")));
    }

    String describe() {
        return boots + " round" + (boots == 1 ? "" : "s") + " (stock, ours, stock, ours, ...), each boot from a fresh"
                + " unpacked copy (empty data/, new Derby database), RSS read " + settle.toSeconds()
                + " s after the first answer";
    }

    private static Path existing(String key, String hint) {
        String value = text(key, "");
        if (value.isEmpty() || !Files.isRegularFile(Path.of(value))) {
            throw new IllegalArgumentException("No archive at " + key + "=" + value + "; " + hint);
        }
        return Path.of(value);
    }
}
