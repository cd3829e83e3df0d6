package org.opportune.benchmark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.opportune.benchmark.BootLog.Line;

/**
 * Where a boot's seconds went, read from its karaf.log: milestones (milliseconds after the process start), the
 * phases between them, how long the features service spent starting each bundle (it logs each bundle's name just
 * before starting it, and DS activates a bundle's immediate components within that start), and per persistence unit
 * its Liquibase run and EclipseLink's start. Everything is one flat map of named figures, so that rounds can be
 * reduced to medians; the key's prefix says what a figure is ({@code milestone:}, {@code phase:}, {@code bundle:},
 * {@code liquibase:}, {@code changesets:}, {@code eclipselink:}, {@code request:}).
 */
final class BootBreakdown {
    static final String MILESTONE = "milestone:";
    static final String PHASE = "phase:";
    static final String BUNDLE = "bundle:";
    static final String LIQUIBASE = "liquibase:";
    static final String CHANGESETS = "changesets:";
    static final String ECLIPSELINK = "eclipselink:";
    static final String ECLIPSELINK_BEFORE = "eclipselink-before:";
    static final String REQUEST = "request:";

    static final String JVM_STARTED = "JVM running (Jetty's uptime stamp)";
    static final String FEATURES_REQUESTED = "boot features requested (\"Adding features\")";
    static final String FEATURES_RESOLVED = "boot features resolved (\"Changes to perform\")";
    static final String BUNDLES_STARTING = "bundles installed, starting (\"Starting bundles\")";
    static final String JETTY_STARTED = "Jetty started (\"Started @\")";
    static final String REST_SERVLET = "REST servlet registered";
    static final String FEATURES_DONE = "boot features done (\"Done.\")";
    static final String API_STARTED = "REST API started (StartupLatch)";
    static final String FIRST_ANSWER = "first accepted answer";

    static final String LAUNCHER = "launcher: bin/karaf script until the JVM runs";
    static final String FRAMEWORK = "Karaf framework start: JVM until boot features requested";
    static final String RESOLUTION = "boot features resolution";
    static final String INSTALL = "bundle install + refresh";
    static final String STARTS = "bundle starts, in order, to \"Done.\"";
    static final String THIRD_PARTY = "  third-party bundles (their own start, without persistence units)";
    static final String OURS = "  Opportune bundles (their own start, without persistence units)";
    static final String UNITS = "  persistence units (inside whichever start made them satisfiable)";
    static final String FIRST_SETUP = "    before the first Liquibase line (Derby database creation, set-up)";
    static final String OURS_LIQUIBASE = "    Liquibase runs (first to last line of each)";
    static final String OURS_ECLIPSELINK = "    EclipseLink + rest of activation (to the thread's next line)";
    static final String TRIGGER = "trigger:";
    static final String WRAP_UP = "  features service wrap-up (\"Deployment finished\" to \"Done.\")";
    static final String AFTER_DONE = "after \"Done.\" until the first answer (negative: before)";
    static final String UNTIL_API = "  \"Done.\" until REST API started (Jersey starts on a first request)";
    static final String API_TO_ANSWER = "  REST API started until the first 200";
    static final String TOTAL = "= first answer";

    private static final Pattern JETTY_UPTIME = Pattern.compile("Logging initialized @(\\d+)ms.*");
    private static final Pattern JETTY_STARTED_AT = Pattern.compile("Started @\\d+ms");
    private static final Pattern BUNDLE_NAME = Pattern.compile("^\\s+(\\S+)/(\\S+)$");
    private static final Pattern UNIT = Pattern.compile("_(.+?)_transactionType");
    private static final String FEATURES = "FeaturesServiceImpl";

    private BootBreakdown() {
    }

    /**
     * @param log         the boot's karaf.log
     * @param firstAnswer milliseconds from the process start to the first accepted answer (measured by the prober)
     */
    static Map<String, Long> of(BootLog log, long firstAnswer) {
        List<Line> lines = log.lines();
        Map<String, Long> figures = new LinkedHashMap<>();
        Optional<Line> jetty = first(lines, 0, l -> JETTY_UPTIME.matcher(l.message()).matches());
        Optional<Long> jvm = jetty.map(l -> {
            Matcher m = JETTY_UPTIME.matcher(l.message());
            m.matches();
            return l.at() - Long.parseLong(m.group(1));
        });
        int requested = index(lines, 0, l -> l.logger().equals(FEATURES) && l.message().startsWith("Adding features:"));
        int resolved = index(lines, requested, l -> l.logger().equals(FEATURES) && l.message().equals("Changes to perform:"));
        int starting = index(lines, resolved, l -> l.logger().equals(FEATURES) && l.message().equals("Starting bundles:"));
        int done = index(lines, starting, l -> l.logger().equals(FEATURES) && l.message().equals("Done."));
        Optional<Line> jettyStarted = first(lines, 0, l -> JETTY_STARTED_AT.matcher(l.message()).matches());
        Optional<Line> restServlet = first(lines, 0,
                l -> l.message().startsWith("Registering ServletModel") && l.message().contains("'opportune-rest'"));
        Optional<Line> apiStarted = first(lines, 0, l -> l.from("org.opportune.rest")
                && (l.message().startsWith("the REST API has started") || l.message().startsWith("the REST API opens")));

        jvm.ifPresent(at -> figures.put(MILESTONE + JVM_STARTED, at));
        at(lines, requested).ifPresent(at -> figures.put(MILESTONE + FEATURES_REQUESTED, at));
        at(lines, resolved).ifPresent(at -> figures.put(MILESTONE + FEATURES_RESOLVED, at));
        at(lines, starting).ifPresent(at -> figures.put(MILESTONE + BUNDLES_STARTING, at));
        jettyStarted.ifPresent(l -> figures.put(MILESTONE + JETTY_STARTED, l.at()));
        restServlet.ifPresent(l -> figures.put(MILESTONE + REST_SERVLET, l.at()));
        at(lines, done).ifPresent(at -> figures.put(MILESTONE + FEATURES_DONE, at));
        apiStarted.ifPresent(l -> figures.put(MILESTONE + API_STARTED, l.at()));
        figures.put(MILESTONE + FIRST_ANSWER, firstAnswer);

        jvm.ifPresent(at -> figures.put(PHASE + LAUNCHER, at));
        between(figures, FRAMEWORK, jvm, at(lines, requested));
        between(figures, RESOLUTION, at(lines, requested), at(lines, resolved));
        between(figures, INSTALL, at(lines, resolved), at(lines, starting));
        between(figures, STARTS, at(lines, starting), at(lines, done));
        if (starting >= 0 && done > starting) {
            bundleStarts(lines, starting, done, figures);
        }
        at(lines, done).ifPresent(at -> figures.put(PHASE + AFTER_DONE, firstAnswer - at));
        if (apiStarted.isPresent() && done >= 0) {
            figures.put(PHASE + UNTIL_API, apiStarted.get().at() - lines.get(done).at());
            figures.put(PHASE + API_TO_ANSWER, firstAnswer - apiStarted.get().at());
        }
        figures.put(PHASE + TOTAL, firstAnswer);
        return figures;
    }

    /** Per bundle started by the features service; Liquibase and EclipseLink of the Opportune ones. */
    private static void bundleStarts(List<Line> lines, int starting, int done, Map<String, Long> figures) {
        String featuresThread = lines.get(starting).thread();
        List<Integer> marks = new ArrayList<>();
        for (int i = starting + 1; i < done; i++) {
            Line l = lines.get(i);
            if (l.logger().equals(FEATURES) && l.thread().equals(featuresThread) && BUNDLE_NAME.matcher(l.message()).matches()) {
                marks.add(i);
            }
        }
        // after the last start the features service still works a while: the deployer's "Deployment finished"
        // (logged on the same thread once every bundle started) ends the last bundle's start
        int finished = index(lines, marks.isEmpty() ? done : marks.get(marks.size() - 1),
                l -> l.thread().equals(featuresThread) && l.message().startsWith("Deployment finished"));
        int lastEnd = finished >= 0 && finished < done ? finished : done;
        List<long[]> unitWindows = new ArrayList<>();
        long[] spent = migrationsAndUnits(lines, featuresThread, lines.get(starting).at(), figures, unitWindows);
        long thirdParty = 0;
        long ours = 0;
        for (int k = 0; k < marks.size(); k++) {
            Line mark = lines.get(marks.get(k));
            long end = lines.get(k + 1 < marks.size() ? marks.get(k + 1) : lastEnd).at();
            Matcher name = BUNDLE_NAME.matcher(mark.message());
            name.matches();
            long inUnits = overlap(unitWindows, mark.at(), end);
            long own = end - mark.at() - inUnits;
            figures.merge(BUNDLE + name.group(1), own, Long::sum);
            if (inUnits > 0) {
                figures.merge(TRIGGER + name.group(1), inUnits, Long::sum);
            }
            if (name.group(1).startsWith("org.opportune")) {
                ours += own;
            } else {
                thirdParty += own;
            }
        }
        figures.put(PHASE + THIRD_PARTY, thirdParty);
        figures.put(PHASE + OURS, ours);
        figures.put(PHASE + UNITS, overlap(unitWindows, lines.get(starting).at(), lines.get(lastEnd).at()));
        figures.put(PHASE + FIRST_SETUP, spent[2]);
        figures.put(PHASE + OURS_LIQUIBASE, spent[0]);
        figures.put(PHASE + OURS_ECLIPSELINK, spent[1]);
        figures.put(PHASE + WRAP_UP, lines.get(done).at() - lines.get(lastEnd).at());
    }

    /**
     * Liquibase runs (from a thread's first Liquibase line to "Command execution complete") and the EclipseLink
     * version line that follows a run on the same thread, which names the persistence unit. Runs on other threads
     * than the features service's (a component first activated by a request) are {@code request:} figures.
     *
     * @return the milliseconds of the runs and of EclipseLink's starts on the features thread
     */
    private static long[] migrationsAndUnits(List<Line> lines, String featuresThread, long from,
            Map<String, Long> figures, List<long[]> windows) {
        long liquibase = 0;
        long eclipseLink = 0;
        long firstSetup = 0;
        Map<String, Run> open = new HashMap<>();
        Map<String, Run> ended = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (l.at() < from) {
                continue;
            }
            if (l.from("org.opportune.liquibase")) {
                if (!open.containsKey(l.thread()) && windows.isEmpty() && l.thread().equals(featuresThread)) {
                    // the first unit: the Derby database is created and Liquibase set up before its first line
                    long previous = previousOnThread(lines, i, featuresThread).map(Line::at).orElse(l.at());
                    firstSetup = l.at() - previous;
                    windows.add(new long[] {previous, l.at()});
                }
                Run run = open.computeIfAbsent(l.thread(), t -> new Run(l.at()));
                if (l.message().matches("ChangeSet .* ran successfully.*") || l.message().startsWith("Marking ChangeSet")) {
                    run.changesets++;
                }
                if (l.message().equals("Command execution complete")) {
                    run.end = l.at();
                    open.remove(l.thread());
                    if (l.thread().equals(featuresThread)) {
                        ended.put(l.thread(), run);
                        liquibase += run.end - run.begin;
                        windows.add(new long[] {run.begin, run.end});
                    } else {
                        figures.merge(REQUEST + "Liquibase runs on request threads", run.end - run.begin, Long::sum);
                        figures.merge(REQUEST + "  change sets they ran or marked", (long) run.changesets, Long::sum);
                    }
                }
            } else if (l.message().startsWith("EclipseLink, version")) {
                Matcher unit = UNIT.matcher(l.logger());
                String name = unit.find() ? unit.group(1) : l.logger();
                long next = nextOnThread(lines, i, l.thread()).map(Line::at).orElse(l.at());
                Run run = ended.remove(l.thread());
                // JpaUnit: migrations, then createEntityManagerFactory and a first EntityManager (metadata, deploy,
                // login: EclipseLink's version line), then the component's activation goes on
                long before = run == null ? 0 : l.at() - run.end;
                if (run != null) {
                    figures.put(LIQUIBASE + name, run.end - run.begin);
                    figures.put(CHANGESETS + name, (long) run.changesets);
                }
                figures.put(ECLIPSELINK_BEFORE + name, before);
                figures.put(ECLIPSELINK + name, next - l.at());
                if (l.thread().equals(featuresThread)) {
                    eclipseLink += before + next - l.at();
                    windows.add(new long[] {l.at() - before, next});
                }
            }
        }
        return new long[] {liquibase, eclipseLink, firstSetup};
    }

    /** Medians per figure over rounds, in the order the figures first appear. */
    static Map<String, Long> medians(List<Map<String, Long>> rounds) {
        Map<String, List<Long>> values = new LinkedHashMap<>();
        rounds.forEach(round -> round.forEach((key, value) -> values.computeIfAbsent(key, k -> new ArrayList<>()).add(value)));
        Map<String, Long> medians = new LinkedHashMap<>();
        values.forEach((key, list) -> medians.put(key, BootBenchmark.median(list)));
        return medians;
    }

    private static final class Run {
        final long begin;
        long end;
        int changesets;

        Run(long begin) {
            this.begin = begin;
        }
    }

    private static void between(Map<String, Long> figures, String phase, Optional<Long> from, Optional<Long> to) {
        if (from.isPresent() && to.isPresent()) {
            figures.put(PHASE + phase, to.get() - from.get());
        }
    }

    private static Optional<Long> at(List<Line> lines, int index) {
        return index < 0 ? Optional.empty() : Optional.of(lines.get(index).at());
    }

    private static Optional<Line> first(List<Line> lines, int from, Predicate<Line> wanted) {
        int i = index(lines, from, wanted);
        return i < 0 ? Optional.empty() : Optional.of(lines.get(i));
    }

    private static int index(List<Line> lines, int from, Predicate<Line> wanted) {
        if (from < 0) {
            return -1;
        }
        for (int i = from; i < lines.size(); i++) {
            if (wanted.test(lines.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** How much of [from, to) the windows (not overlapping each other) cover. */
    private static long overlap(List<long[]> windows, long from, long to) {
        long covered = 0;
        for (long[] w : windows) {
            covered += Math.max(0, Math.min(to, w[1]) - Math.max(from, w[0]));
        }
        return covered;
    }

    private static Optional<Line> previousOnThread(List<Line> lines, int index, String thread) {
        for (int i = index - 1; i >= 0; i--) {
            if (lines.get(i).thread().equals(thread)) {
                return Optional.of(lines.get(i));
            }
        }
        return Optional.empty();
    }

    private static Optional<Line> nextOnThread(List<Line> lines, int index, String thread) {
        for (int i = index + 1; i < lines.size(); i++) {
            if (lines.get(i).thread().equals(thread)) {
                return Optional.of(lines.get(i));
            }
        }
        return Optional.empty();
    }
}
