package org.opportune.itests.distribution;

import java.nio.file.Path;

import org.junit.rules.TestRule;
import org.junit.runner.Description;
import org.junit.runners.model.Statement;

/**
 * A JUnit rule: the distribution unpacked afresh under {@code target/} for each test, killed after it (the folder
 * stays for inspection), and the end of its logs printed when the test fails.
 */
public final class FreshDistribution implements TestRule {
    private final Path archive;
    private final String folderPrefix;
    private final int logLines;
    private KarafDistribution karaf;

    /**
     * @param archive      the distribution's zip
     * @param folderPrefix the name of the folder under {@code target/}, before a time stamp
     * @param logLines     how many lines of each log a failure prints
     */
    public FreshDistribution(Path archive, String folderPrefix, int logLines) {
        this.archive = archive;
        this.folderPrefix = folderPrefix;
        this.logLines = logLines;
    }

    /** @return the distribution of the running test, unpacked, not started */
    public KarafDistribution get() {
        return karaf;
    }

    @Override
    public Statement apply(Statement test, Description description) {
        return new Statement() {
            @Override
            public void evaluate() throws Throwable {
                karaf = KarafDistribution.unpack(archive, Path.of("target", folderPrefix + "-" + System.currentTimeMillis()));
                try {
                    test.evaluate();
                } catch (Throwable failure) {
                    karaf.printLogs(System.out, logLines);
                    throw failure;
                } finally {
                    karaf.close();
                }
            }
        };
    }
}
