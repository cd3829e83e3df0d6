package org.opportune.benchmark;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;

import org.opportune.itests.distribution.KarafDistribution;

/**
 * The distribution's embedded Derby as shipped: runs inside Karaf during the REST phase and inside the benchmark JVM
 * (opened on the same files once Karaf stopped: one JVM per database) during the JDBC phase.
 */
final class DerbyMoveDatabase implements MoveDatabase {
    private EmbeddedDerby derby;
    private Path files;

    @Override
    public void configure(KarafDistribution karaf) {
        // the shipped DataSource configuration names the embedded Derby already
    }

    @Override
    public Supplier<Duration> processCpu() {
        return null;
    }

    @Override
    public String cpuAccounting() {
        return "Derby runs inside Karaf (REST) and inside this JVM (JDBC): its CPU is in those columns";
    }

    @Override
    public void karafStopped(KarafDistribution karaf, Path folder) {
        files = karaf.derbyDatabase();
        derby = new EmbeddedDerby(files, folder.resolve("data/derby-jdbc.log"));
    }

    @Override
    public Connection connect() throws SQLException {
        return opened().connect();
    }

    @Override
    public String describe() throws SQLException {
        return "Derby " + opened().version() + " on " + files;
    }

    @Override
    public String forUpdate() {
        return " FOR UPDATE WITH RS";
    }

    @Override
    public String nextValue(String qualifiedSequence) {
        return "VALUES NEXT VALUE FOR " + qualifiedSequence;
    }

    private EmbeddedDerby opened() {
        if (derby == null) {
            throw new IllegalStateException("the embedded Derby is opened only once Karaf has stopped");
        }
        return derby;
    }

    @Override
    public void close() {
        if (derby != null) {
            derby.close();
        }
    }
}
