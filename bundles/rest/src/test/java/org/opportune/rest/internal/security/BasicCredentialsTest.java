package org.opportune.rest.internal.security;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.Test;

public class BasicCredentialsTest {

    @Test
    public void readsUserAndPasswordWhichMayContainColons() {
        BasicCredentials credentials = BasicCredentials.parse(basic("admin:pa:ss")).orElseThrow();

        assertEquals("admin", credentials.user());
        assertArrayEquals("pa:ss".toCharArray(), credentials.password());
    }

    @Test
    public void schemeIsCaseInsensitiveAndTextIsUtf8() {
        BasicCredentials credentials = BasicCredentials.parse("basic " + Base64.getEncoder()
                .encodeToString("jörg:päss".getBytes(StandardCharsets.UTF_8))).orElseThrow();

        assertEquals("jörg", credentials.user());
        assertArrayEquals("päss".toCharArray(), credentials.password());
    }

    @Test
    public void anythingElseIsNotBasicCredentials() {
        assertTrue(BasicCredentials.parse(null).isEmpty());
        assertTrue(BasicCredentials.parse("Bearer abc").isEmpty());
        assertTrue(BasicCredentials.parse("Basic").isEmpty());
        assertTrue(BasicCredentials.parse("Basic !!!").isEmpty());
        assertTrue(BasicCredentials.parse(basic("no-colon")).isEmpty());
        assertTrue(BasicCredentials.parse(basic(":password-without-user")).isEmpty());
    }

    public static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }
}
