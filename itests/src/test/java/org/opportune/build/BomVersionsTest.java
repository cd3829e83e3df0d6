package org.opportune.build;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;

/**
 * The extension BOM has no parent (an importer would get every version the build manages), so it states its
 * versions again: they must be the ones Opportune itself is built and run with. The API has a version line of
 * its own, named once in the parent pom and stated again by the API's pom.
 */
public class BomVersionsTest {
    private static final Pattern PROPERTY = Pattern.compile("<([a-z0-9.]+\\.version)>([^<]+)</\\1>");

    @Test
    public void theBomPinsTheVersionsTheBuildUses() throws Exception {
        String parent = Files.readString(Path.of("..", "pom.xml"));
        String bom = Files.readString(Path.of("..", "bundles", "bom", "pom.xml"));
        Matcher pinned = PROPERTY.matcher(bom);
        int checked = 0;
        while (pinned.find()) {
            Matcher used = Pattern.compile("<" + Pattern.quote(pinned.group(1)) + ">([^<]+)</").matcher(parent);
            assertNotNull(pinned.group(1), used.find() ? used.group(1) : null);
            assertEquals(pinned.group(1), used.group(1), pinned.group(2));
            checked++;
        }
        assertEquals("versions checked", 11, checked);
    }

    @Test
    public void theApiIsBuiltAtTheVersionEveryoneDependsOn() throws Exception {
        String parent = Files.readString(Path.of("..", "pom.xml"));
        String api = Files.readString(Path.of("..", "bundles", "api", "pom.xml"));
        Matcher property = Pattern.compile("<opportune.api.version>([^<]+)</").matcher(parent);
        Matcher own = Pattern.compile("<artifactId>opportune-api</artifactId>\\s*<version>([^<]+)</").matcher(api);
        assertEquals(true, property.find());
        assertEquals("bundles/api/pom.xml's own <version>", true, own.find());
        assertEquals(property.group(1), own.group(1));
    }
}
