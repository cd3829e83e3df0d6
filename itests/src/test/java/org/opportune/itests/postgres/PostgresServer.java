package org.opportune.itests.postgres;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.opportune.itests.FreePorts;

/**
 * A throw-away PostgreSQL for the integration tests, started in the test (driver) JVM: once, on first use, and shared
 * by every test class of the run that asks for it; each class gets a database of its own ({@link #newDatabase}).
 * <p>
 * It runs the binaries of Debian's {@code postgresql} package (under {@code /usr/lib/postgresql/<version>/bin}, else
 * on the PATH) with a data directory in a temporary folder, on a free port of 127.0.0.1, trust authentication, fsync
 * off. As root it runs them as the {@code postgres} user ({@code runuser}), since initdb refuses root, and that user
 * owns the folder.
 * <p>
 * Stopping does not depend on the JVM ending well: the server runs under a small shell that waits for its standard
 * input to close, then stops the server (fast shutdown) and deletes the folder. The JVM holds the other end of that
 * pipe, so the server goes when {@link #stop()} closes it, when the shutdown hook does, and when the JVM dies in any
 * other way (the kernel closes the pipe).
 */
public final class PostgresServer {

    public static final String NOT_FOUND =
            "PostgreSQL server binaries not found: install Debian's postgresql package (apt-get install postgresql)";
    private static final String SERVICE_USER = "postgres";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Runs as the server's user: $1 bin dir, $2 data dir, $3 port, $4 socket dir, $5 folder to delete at the end.
     * The server's own standard input is /dev/null (a background job), so only the shell waits on the pipe.
     */
    private static final String WATCHDOG = String.join("\n",
            "\"$1/postgres\" -D \"$2\" -p \"$3\" -k \"$4\" -c listen_addresses=127.0.0.1 -c fsync=off"
                    + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 </dev/null &",
            "pid=$!",
            "cat >/dev/null",
            "kill -INT \"$pid\" 2>/dev/null",
            "wait \"$pid\"",
            "rm -rf \"$5\"",
            "");

    private static PostgresServer shared;

    private final Path folder;
    private final Path bin;
    private final int port;
    private final Process process;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(Path bin, Path folder, int port, Process process) {
        this.bin = bin;
        this.folder = folder;
        this.port = port;
        this.process = process;
    }

    /** The server of this JVM, started on first call; stopped when the JVM ends. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            PostgresServer server = start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stop throw-away PostgreSQL"));
            shared = server;
        }
        return shared;
    }

    /** Starts a new server; fails with {@link #NOT_FOUND} when the binaries are missing. */
    public static PostgresServer start() {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException(NOT_FOUND));
        Path folder;
        try {
            folder = Files.createTempDirectory("opportune-pg-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a folder for PostgreSQL", e);
        }
        Process process = null;
        try {
            if (isRoot()) {
                ownBy(folder, SERVICE_USER);
            }
            Path data = folder.resolve("data");
            Path initLog = folder.resolve("initdb.log");
            run(asServiceUser(bin.resolve("initdb").toString(), "-D", data.toString(), "--auth=trust", "-U", "postgres",
                    "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"), initLog, Duration.ofSeconds(120), "initdb");
            int port = FreePorts.next();
            List<String> watchdog = asServiceUser("sh", "-c", WATCHDOG, "sh", bin.toString(), data.toString(),
                    Integer.toString(port), folder.toString(), folder.toString());
            try {
                process = new ProcessBuilder(watchdog)
                        .redirectErrorStream(true)
                        .redirectOutput(folder.resolve("postgres.log").toFile())
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start PostgreSQL: " + watchdog, e);
            }
            PostgresServer server = new PostgresServer(bin, folder, port, process);
            server.awaitReady();
            return server;
        } catch (RuntimeException | Error e) {
            if (process != null) {
                process.destroy();
                try {
                    process.getOutputStream().close();
                } catch (IOException ignored) {
                    // the watchdog is gone already
                }
                waitFor(process, STOP_TIMEOUT);
            }
            deleteRecursively(folder);
            throw e;
        }
    }

    /** Where the server binaries are: the newest /usr/lib/postgresql/N/bin with initdb, else the PATH's. */
    static Optional<Path> binaries() {
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Optional<Path> newest = versions
                        .filter(v -> v.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                        .sorted(Comparator.comparingDouble((Path v) -> Double.parseDouble(v.getFileName().toString()))
                                .reversed())
                        .map(v -> v.resolve("bin"))
                        .filter(PostgresServer::hasServerBinaries)
                        .findFirst();
                if (newest.isPresent()) {
                    return newest;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(p -> !p.isEmpty())
                .map(Path::of)
                .filter(PostgresServer::hasServerBinaries)
                .findFirst();
    }

    private static boolean hasServerBinaries(Path bin) {
        return Stream.of("initdb", "postgres", "pg_isready", "createdb")
                .allMatch(name -> Files.isExecutable(bin.resolve(name)));
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The user the tests connect as (trust authentication: no password). */
    public String user() {
        return "postgres";
    }

    /** Creates a new, empty database named {@code prefix_N} and returns its name. */
    public String newDatabase(String prefix) {
        String name = prefix + "_" + databases.incrementAndGet();
        run(List.of(bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U",
                user(), name), folder.resolve("createdb.log"), Duration.ofSeconds(30), "createdb " + name);
        return name;
    }

    /** Runs a plain SQL dump (gzip) into {@code database} with psql, stopping at its first error. */
    public void restore(String database, Path gzippedDump) {
        Path sql = folder.resolve(database + ".sql");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gzippedDump))) {
            Files.copy(in, sql, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run(List.of(bin.resolve("psql").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", user(),
                "-d", database, "-v", "ON_ERROR_STOP=1", "-q", "-f", sql.toString()),
                folder.resolve("restore-" + database + ".log"), Duration.ofSeconds(60), "psql restore into " + database);
    }

    /** Stops the server (fast shutdown) and deletes its folder; does nothing the second time. */
    public synchronized void stop() {
        if (!Files.exists(folder) && !process.isAlive()) {
            return;
        }
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // already closed
        }
        if (!waitFor(process, STOP_TIMEOUT)) {
            process.destroyForcibly();
            waitFor(process, STOP_TIMEOUT);
        }
        deleteRecursively(folder);
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        List<String> isReady = List.of(bin.resolve("pg_isready").toString(), "-q", "-h", "127.0.0.1", "-p",
                Integer.toString(port), "-U", user());
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("PostgreSQL did not start; its log:\n" + tail(folder.resolve("postgres.log")));
            }
            try {
                Process check = new ProcessBuilder(isReady).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (waitFor(check, Duration.ofSeconds(10)) && check.exitValue() == 0) {
                    return;
                }
                check.destroyForcibly();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("PostgreSQL did not accept connections within "
                        + START_TIMEOUT.toSeconds() + " s; its log:\n" + tail(folder.resolve("postgres.log")));
            }
            sleep(100);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static List<String> asServiceUser(String... command) {
        List<String> line = new ArrayList<>();
        if (isRoot()) {
            line.addAll(List.of("runuser", "-u", SERVICE_USER, "--"));
        }
        line.addAll(List.of(command));
        return line;
    }

    private static void ownBy(Path folder, String user) {
        try {
            UserPrincipalLookupService lookup = folder.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(folder, lookup.lookupPrincipalByName(user));
            GroupPrincipal group = lookup.lookupPrincipalByGroupName(user);
            Files.getFileAttributeView(folder, PosixFileAttributeView.class).setGroup(group);
        } catch (IOException e) {
            throw new IllegalStateException("Running as root, PostgreSQL runs as the user " + user
                    + " (initdb refuses root), which does not exist here or cannot own " + folder
                    + ": install Debian's postgresql package (apt-get install postgresql)", e);
        }
    }

    private static void run(List<String> command, Path log, Duration timeout, String what) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            process.getOutputStream().close();
            if (!waitFor(process, timeout)) {
                process.destroyForcibly();
                throw new IllegalStateException(what + " did not finish within " + timeout.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(what + " failed (exit " + process.exitValue() + "): " + command
                        + "\n" + tail(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command, e);
        }
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for PostgreSQL", e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // best effort: the watchdog deletes it too
        }
    }
}
