package org.opportune.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.opportune.itests.distribution.FreshDistribution;
import org.opportune.itests.distribution.KarafDistribution;

/**
 * The README's shell examples, pasted in order into bash against a freshly unpacked distribution, as a new user
 * would: every curl must get a 2xx answer (curl runs with {@code --fail-with-body}), so an example that no longer
 * works fails the build. Only the port differs from the README's (a free one instead of 8181).
 */
public class ReadmeExamplesIT {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern SHELL_BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);

    @Rule
    public final FreshDistribution distribution = new FreshDistribution(
            Path.of(OpportuneTestSupport.requiredProperty("opportune.distribution")), "readme", 100);
    private KarafDistribution karaf;
    private Path workingDirectory;

    @Before
    public void startDistribution() throws Exception {
        karaf = distribution.get();
        workingDirectory = Files.createDirectories(karaf.home().resolveSibling("work"));
        karaf.start(START_TIMEOUT);
    }

    @Test
    public void theExamplesWorkPastedInOrder() throws Exception {
        List<String> examples = curlExamples(Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8));
        assertTrue("the README has curl examples", examples.size() >= 5);
        String script = "set -e -o pipefail\n"
                + "command -v curl >/dev/null || { echo 'curl is needed: apt-get install curl' >&2; exit 2; }\n"
                + "curl() { command curl --fail-with-body \"$@\" || return $?; echo; }\n"
                + String.join("\n", examples).replace("http://localhost:8181", karaf.baseUri().toString());
        Path file = workingDirectory.resolve("readme-examples.sh");
        Files.writeString(file, script, StandardCharsets.UTF_8);

        Process bash = new ProcessBuilder("bash", "-x", file.getFileName().toString())
                .directory(workingDirectory.toFile()).redirectErrorStream(true).start();
        String output;
        if (!bash.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            bash.destroyForcibly();
            throw new AssertionError("the README's examples did not finish within " + RUN_TIMEOUT.toSeconds() + " s");
        }
        output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals("the README's examples, run in order, printed:\n" + output, 0, bash.exitValue());
        String funnel = Files.readString(workingDirectory.resolve("funnel.svg"), StandardCharsets.UTF_8);
        assertTrue(funnel, funnel.contains("<svg"));
    }

    /** The README's ```sh blocks that call the API, in order (not the build commands). */
    static List<String> curlExamples(String readme) {
        List<String> examples = new ArrayList<>();
        Matcher block = SHELL_BLOCK.matcher(readme);
        while (block.find()) {
            String commands = block.group(1);
            if (commands.contains("curl ") && !commands.contains("mvn ")) {
                examples.add(commands);
            }
        }
        return examples;
    }
}
