package org.opportune.rest.internal.resources;

import static org.junit.Assert.assertEquals;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Test;
import org.opportune.rest.internal.resources.InProcessApi.Reply;

public class HealthResourceTest {
    private final Map<String, Boolean> modules = new LinkedHashMap<>();
    private final HealthResource health = new HealthResource(() -> modules);
    private final InProcessApi api = new InProcessApi(health);

    @Test
    public void upWhenTheDatabaseAnswersAndEveryModuleIsThere() {
        health.database = dataSource(true);
        modules.put("contacts", true);
        modules.put("salespeople", true);

        Reply reply = api.request("GET", "health").send();

        assertEquals(200, reply.status());
        assertEquals("{\"status\":\"UP\",\"modules\":{\"database\":\"UP\",\"api\":\"UP\",\"contacts\":\"UP\","
                + "\"salespeople\":\"UP\"}}",
                reply.body());
    }

    @Test
    public void downWith503WhenAnInstalledModuleIsNotRunning() {
        health.database = dataSource(true);
        modules.put("contacts", false);
        modules.put("salespeople", true);

        Reply reply = api.request("GET", "health").send();

        assertEquals(503, reply.status());
        JsonNode body = reply.json();
        assertEquals("DOWN", body.get("status").asText());
        assertEquals("UP", body.get("modules").get("salespeople").asText());
        assertEquals("DOWN", body.get("modules").get("contacts").asText());
    }

    @Test
    public void theDatabaseIsDownWhenItDoesNotAnswerOrFails() {
        modules.put("contacts", true);

        assertEquals("DOWN", api.request("GET", "health").send().json().get("modules").get("database").asText());
        health.database = dataSource(false);
        assertEquals("DOWN", api.request("GET", "health").send().json().get("modules").get("database").asText());
        health.database = failingDataSource();
        assertEquals("DOWN", api.request("GET", "health").send().json().get("modules").get("database").asText());
    }

    private static DataSource dataSource(boolean valid) {
        Connection connection = (Connection) Proxy.newProxyInstance(HealthResourceTest.class.getClassLoader(),
                new Class<?>[] { Connection.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "isValid" -> valid;
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (DataSource) Proxy.newProxyInstance(HealthResourceTest.class.getClassLoader(),
                new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return connection;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static DataSource failingDataSource() {
        return (DataSource) Proxy.newProxyInstance(HealthResourceTest.class.getClassLoader(),
                new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
                    throw new SQLException("Connection refused");
                });
    }
}
