package org.opportune.rest.internal.whiteboard;

import static org.junit.Assert.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Collections;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.framework.Bundle;

/** The resources of this bundle, as its component descriptions name them. */
public class BuiltInResourcesTest {
    private static final String HEALTH = """
            <?xml version="1.0" encoding="UTF-8"?>
            <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.4.0" name="a.HealthResource" init="1">
              <property name="opportune.jaxrs.resource" type="String" value="true"/>
              <service><provide interface="a.HealthResource"/></service>
              <implementation class="a.HealthResource"/>
            </scr:component>
            """;
    private static final String WHITEBOARD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="a.Whiteboard" immediate="true">
              <service><provide interface="a.RegisteredResources"/></service>
              <implementation class="a.Whiteboard"/>
            </scr:component>
            """;
    private static final String TWO = """
            <components xmlns:scr="http://www.osgi.org/xmlns/scr/v1.4.0">
              <scr:component name="a.Reports">
                <property name="opportune.jaxrs.resource">true</property>
                <implementation class="a.Reports"/>
              </scr:component>
              <scr:component name="a.Off" enabled="false">
                <property name="opportune.jaxrs.resource" value="true"/>
                <implementation class="a.Off"/>
              </scr:component>
            </components>
            """;

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void theEnabledComponentsWithTheResourcePropertyByImplementationClass() throws Exception {
        assertEquals(List.of("a.HealthResource"), BuiltInResources.resources(xml(HEALTH)));
        assertEquals(List.of(), BuiltInResources.resources(xml(WHITEBOARD)));
        assertEquals(List.of("a.Reports"), BuiltInResources.resources(xml(TWO)));
    }

    @Test
    public void readsTheDescriptionsTheServiceComponentHeaderNames() throws Exception {
        Bundle bundle = mock(Bundle.class);
        Hashtable<String, String> headers = new Hashtable<>();
        headers.put(BuiltInResources.SERVICE_COMPONENT,
                "OSGI-INF/health.xml,OSGI-INF/whiteboard.xml , OSGI-INF/more/*.xml;x=y,OSGI-INF/gone.xml");
        when(bundle.getHeaders("")).thenReturn(headers);
        when(bundle.getEntry("OSGI-INF/health.xml")).thenReturn(file("health.xml", HEALTH).toURI().toURL());
        when(bundle.getEntry("OSGI-INF/whiteboard.xml")).thenReturn(file("whiteboard.xml", WHITEBOARD).toURI()
                .toURL());
        when(bundle.findEntries("OSGI-INF/more", "*.xml", false)).thenReturn(Collections.enumeration(List.of(
                file("two.xml", TWO).toURI().toURL(), file("broken.xml", "<scr:component").toURI().toURL())));

        assertEquals(Set.of("a.HealthResource", "a.Reports"), BuiltInResources.of(bundle));
    }

    @Test
    public void noneWithoutComponentDescriptions() {
        Bundle bundle = mock(Bundle.class);
        when(bundle.getHeaders("")).thenReturn(new Hashtable<>());

        assertEquals(Set.of(), BuiltInResources.of(bundle));
    }

    private File file(String name, String content) throws Exception {
        File file = folder.newFile(name);
        Files.writeString(file.toPath(), content);
        return file;
    }

    private static ByteArrayInputStream xml(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
