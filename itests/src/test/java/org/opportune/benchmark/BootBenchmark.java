package org.opportune.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import java.util.stream.Stream;

import org.opportune.itests.distribution.KarafDistribution;

/**
 * The boot benchmark (issue 14, item 3): cold boots of the built distribution against stock Apache Karaf of the same
 * version with its {@code http} feature, alternately, and where our seconds go.
 * <ul>
 * <li>Each round unpacks both afresh (empty data/: ours creates its Derby database and runs every migration) with
 * free ports, then boots stock, then ours, one at a time: {@code bin/karaf server}, timed from the process start to
 * the first answer, RSS of the JVM read a while later, {@code bin/stop}.</li>
 * <li>Stock: {@code http} is added to featuresBoot, so the boot installs Pax Web/Jetty as ours does; its bundles come
 * from our distribution's system/ folder (stock Karaf does not ship them; same versions). Its answer: the first
 * HTTP response of Jetty to {@code GET /} on its port, whatever the status (404: nothing is registered at /).</li>
 * <li>Ours: the first 200 on {@code GET /api/v1/health} (database up, the API started, every module created).</li>
 * </ul>
 * Prints every round, the medians side by side with the ratios against the targets, the CPU each group of threads
 * had used by the first answer (the JIT compilers' among them), then (unless
 * {@code -Dbenchmark.bootBreakdown=false}) the phases of both boots read from their karaf.log and ours in detail.
 * Exits 0 when every boot answered, whatever the ratios; 2 when one did not.
 * <p>
 * Run: {@code mvn -B -q -pl itests -Pbenchmark-boot verify -Dbenchmark.boots=5} (after {@code mvn install} of the
 * assembly).
 */
public final class BootBenchmark {
    private static final int CPU_GROUPS_SHOWN = 8;

    private final BootSettings settings;

    private BootBenchmark(BootSettings settings) {
        this.settings = settings;
    }

    /** One boot's figures. */
    record Boot(long millis, long rssMiB, double cpuSeconds, Map<String, Double> cpuByThread,
            Map<String, Long> breakdown) {
    }

    public static void main(String[] args) {
        int status;
        try {
            new BootBenchmark(BootSettings.fromSystemProperties()).run();
            status = 0;
        } catch (Exception e) {
            e.printStackTrace();
            status = 2;
        }
        System.exit(status);
    }

    private void run() throws Exception {
        System.out.printf("Opportune boot benchmark: %s; %d cores, Java %s, load average %s%n", settings.describe(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadAverage());
        System.out.println("  stock: " + settings.stock().getFileName() + " + feature http; answer = Jetty's first"
                + " response to GET / (any status; 404 expected)");
        System.out.println("  ours:  " + settings.opportune().getFileName() + "; answer = first 200 on GET /api/v1/health");
        Path runFolder = settings.workFolder().resolve("run-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))).toAbsolutePath();
        List<Boot> stock = new ArrayList<>();
        List<Boot> ours = new ArrayList<>();
        System.out.printf("%n%-7s %10s %9s %7s   %10s %9s %7s%n", "round", "stock ms", "RSS MiB", "CPU s",
                "ours ms", "RSS MiB", "CPU s");
        for (int round = 1; round <= settings.boots(); round++) {
            Path folder = runFolder.resolve("round-" + round);
            KarafDistribution ourCopy = KarafDistribution.unpack(settings.opportune(), folder.resolve("opportune"));
            KarafDistribution stockCopy = KarafDistribution.unpack(settings.stock(), folder.resolve("stock"));
            withHttpAtBoot(stockCopy.home(), ourCopy.home().resolve("system"));
            Boot s = boot(stockCopy, "/", status -> true);
            Boot o = boot(ourCopy, "/api/v1/health", status -> status == 200);
            stock.add(s);
            ours.add(o);
            System.out.printf("%-7d %10d %9d %7.1f   %10d %9d %7.1f%n", round, s.millis(), s.rssMiB(), s.cpuSeconds(),
                    o.millis(), o.rssMiB(), o.cpuSeconds());
        }
        printMedians(stock, ours);
        printCpuByThread(stock, ours);
        if (settings.breakdown()) {
            BootReport.print(BootBreakdown.medians(stock.stream().map(Boot::breakdown).toList()),
                    BootBreakdown.medians(ours.stream().map(Boot::breakdown).toList()), settings.boots());
        }
        System.out.println("\nUnpacked copies and their logs: " + runFolder + "; load average now " + loadAverage());
    }

    private Boot boot(KarafDistribution copy, String path, IntPredicate accepted) throws Exception {
        try (BootLaunch launch = new BootLaunch(copy.home())) {
            try {
                long millis = launch.bootUntil(copy.baseUri().resolve(path), accepted, settings.timeout());
                double cpu = launch.cpuSeconds();
                Map<String, Double> cpuByThread = launch.cpuSecondsByThread();
                Thread.sleep(settings.settle().toMillis());
                long rss = launch.residentMegabytes();
                launch.stop();
                Map<String, Long> breakdown = BootBreakdown.of(
                        BootLog.read(copy.home().resolve("data/log/karaf.log"), launch.startedAt()), millis);
                return new Boot(millis, rss, cpu, cpuByThread, breakdown);
            } catch (Exception e) {
                copy.printLogs(System.err, 60);
                throw e;
            }
        }
    }

    /**
     * Stock Karaf as an administrator would make it serve HTTP at boot: {@code http} in featuresBoot. Its Pax Web and
     * Jetty bundles (not in stock's system/) are found in {@code bundles}, after stock's own repositories.
     */
    static void withHttpAtBoot(Path stockHome, Path bundles) throws IOException {
        replace(stockHome.resolve("etc/org.apache.karaf.features.cfg"), "featuresBoot = \\\n",
                "featuresBoot = \\\n    http, \\\n");
        String childRepository = "${karaf.base.uri}${karaf.default.repository}@id=child.system.repository@snapshots";
        replace(stockHome.resolve("etc/org.ops4j.pax.url.mvn.cfg"), childRepository,
                childRepository + ", \\\n    " + bundles.toUri() + "@id=opportune.system.repository@snapshots");
    }

    private static void replace(Path file, String text, String replacement) throws IOException {
        String content = Files.readString(file);
        if (!content.contains(text)) {
            throw new IllegalStateException(file + " has no " + text.trim() + ": not the stock Karaf this expects");
        }
        Files.writeString(file, content.replace(text, replacement));
    }

    private static void printMedians(List<Boot> stock, List<Boot> ours) {
        long stockMillis = median(stock.stream().map(Boot::millis).toList());
        long ourMillis = median(ours.stream().map(Boot::millis).toList());
        long stockRss = median(stock.stream().map(Boot::rssMiB).toList());
        long ourRss = median(ours.stream().map(Boot::rssMiB).toList());
        double stockCpu = medianOf(stock.stream().map(Boot::cpuSeconds).toList());
        double ourCpu = medianOf(ours.stream().map(Boot::cpuSeconds).toList());
        System.out.printf("%-7s %10d %9d %7.1f   %10d %9d %7.1f%n", "median", stockMillis, stockRss, stockCpu,
                ourMillis, ourRss, ourCpu);
        double timeRatio = (double) ourMillis / stockMillis;
        double rssRatio = (double) ourRss / stockRss;
        System.out.printf("%nours / stock: boot time %.2f × (target ≤ %.1f ×: %s), RSS %.2f × (target ≤ %.1f ×: %s),"
                + " CPU to first answer %.2f ×%n", timeRatio, BootSettings.TIME_TARGET,
                timeRatio <= BootSettings.TIME_TARGET ? "met" : "MISSED", rssRatio, BootSettings.RSS_TARGET,
                rssRatio <= BootSettings.RSS_TARGET ? "met" : "MISSED", ourCpu / stockCpu);
        System.out.println("  (time: process start to first answer; RSS: VmRSS of the JVM after the settle time;"
                + " CPU: the JVM's CPU seconds at the first answer, less sensitive to other load)");
    }

    /**
     * Which threads used the CPU until the first answer: on two cores a boot keeps both busy, so its time falls only
     * with less work, and the JIT compilers' share says how much of that work is compiling the code the boot runs.
     */
    private static void printCpuByThread(List<Boot> stock, List<Boot> ours) {
        Set<String> groups = new TreeSet<>();
        Stream.concat(stock.stream(), ours.stream()).forEach(boot -> groups.addAll(boot.cpuByThread().keySet()));
        System.out.printf("%n%-72s %8s %8s%n", "CPU seconds until the first answer, by thread (medians; digits as #)",
                "stock", "ours");
        groups.stream().sorted(Comparator.comparingDouble(group -> -cpuSeconds(ours, group))).limit(CPU_GROUPS_SHOWN)
                .forEach(group -> System.out.printf("  %-70s %8.2f %8.2f%n",
                        group + (group.contains("CompilerThre") ? " (JIT compilers)" : ""), cpuSeconds(stock, group),
                        cpuSeconds(ours, group)));
    }

    private static double cpuSeconds(List<Boot> boots, String threads) {
        return medianOf(boots.stream().map(boot -> boot.cpuByThread().getOrDefault(threads, 0.0)).toList());
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : Math.round((sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0);
    }

    private static double medianOf(List<Double> values) {
        List<Double> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
