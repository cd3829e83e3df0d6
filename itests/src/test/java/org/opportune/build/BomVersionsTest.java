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
 * versions again: they must be the ones Opportune itself is built and run with.
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
            if (pinned.group(1).equals("opportune.version")) {
                continue;
            }
            Matcher used = Pattern.compile("<" + Pattern.quote(pinned.group(1)) + ">([^<]+)</").matcher(parent);
            assertNotNull(pinned.group(1), used.find() ? used.group(1) : null);
            assertEquals(pinned.group(1), used.group(1), pinned.group(2));
            checked++;
        }
        assertEquals("versions checked", 10, checked);
    }
}
