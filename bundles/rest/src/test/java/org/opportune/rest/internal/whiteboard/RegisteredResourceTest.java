package org.opportune.rest.internal.whiteboard;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.Path;

import org.junit.Test;

public class RegisteredResourceTest {

    @Path("things")
    static final class Things {
    }

    @Path("/slashed/{id}")
    static final class Slashed {
    }

    @Test
    public void takesThePathFromTheServiceClassWithALeadingSlash() {
        RegisteredResource things = RegisteredResource.of("org.example", new String[] { "a.B", "c.D" }, new Things());

        assertEquals(new RegisteredResource("org.example", List.of("a.B", "c.D"), Things.class.getName(), "/things"),
                things);
        assertEquals("/slashed/{id}", RegisteredResource.of(null, null, new Slashed()).path());
    }

    @Test
    public void aServiceWithoutPathHasNone() {
        RegisteredResource plain = RegisteredResource.of("org.example", null, new Object());

        assertNull(plain.path());
        assertEquals(List.of(), plain.objectClass());
        assertEquals("java.lang.Object", plain.implementation());
    }

    @Test
    public void ordersByPathWithThoseWithoutOneLast() {
        List<RegisteredResource> resources = new ArrayList<>(List.of(
                RegisteredResource.of("b", null, new Object()),
                RegisteredResource.of("a", null, new Things()),
                RegisteredResource.of("c", null, new Slashed())));

        resources.sort(RegisteredResource.ORDER);

        assertEquals(List.of("c", "a", "b"), resources.stream().map(RegisteredResource::bundle).toList());
    }
}
