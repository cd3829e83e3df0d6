package org.opportune.rest.internal.resources;

import static org.junit.Assert.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.opportune.rest.internal.resources.JsonAsserts.field;
import static org.opportune.rest.internal.resources.JsonAsserts.message;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Before;
import org.junit.Test;
import org.mockito.ArgumentCaptor;
import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.audit.AuditAction;
import org.opportune.api.audit.AuditLog;
import org.opportune.api.audit.AuditQuery;
import org.opportune.api.audit.AuditRecord;
import org.opportune.rest.internal.resources.InProcessApi.Reply;

/** {@code /audit} over HTTP, against a mocked log. */
public class AuditResourceTest {
    private static final AuditRecord RENAMED = new AuditRecord(7, Instant.parse("2024-02-01T10:15:30Z"), "admin",
            AuditAction.UPDATE, "salesperson", "JO", "name: \"Jo\" → \"Jo Miller\"");

    private final AuditLog log = mock(AuditLog.class);
    private final AuditResource resource = new AuditResource();
    private final ArgumentCaptor<AuditQuery> query = ArgumentCaptor.forClass(AuditQuery.class);
    private final ArgumentCaptor<PageRequest> page = ArgumentCaptor.forClass(PageRequest.class);
    private final InProcessApi api = new InProcessApi(resource);

    @Before
    public void setUp() {
        resource.audit = log;
        when(log.find(any(), any())).thenReturn(new Page<>(List.of(RENAMED), 31, 10, 1));
    }

    @Test
    public void listsTheLinesAsAPageWithTheFiltersGiven() {
        Reply reply = api.get("audit?entity=salesperson&key=JO&user=admin&from=2024-02-01T00:00:00Z"
                + "&to=2024-02-02T01:00:00%2B01:00&offset=10&limit=1&sort=-at");

        assertEquals(reply.toString(), 200, reply.status());
        assertEquals("{\"items\":[{\"id\":7,\"at\":\"2024-02-01T10:15:30Z\",\"userName\":\"admin\",\"action\":"
                + "\"UPDATE\",\"entity\":\"salesperson\",\"key\":\"JO\",\"summary\":\"name: \\\"Jo\\\" → \\\"Jo "
                + "Miller\\\"\"}],\"total\":31,\"offset\":10,\"limit\":1}", reply.body());
        verify(log).find(query.capture(), page.capture());
        assertEquals(new AuditQuery("salesperson", "JO", "admin", Instant.parse("2024-02-01T00:00:00Z"),
                Instant.parse("2024-02-02T00:00:00Z")), query.getValue());
        assertEquals(PageRequest.of(10, 1, "-at"), page.getValue());
    }

    @Test
    public void aDateIsItsStartInUtcAndNoFilterMatchesAll() {
        api.get("audit?from=2024-02-01&to=2024-02-03");
        api.get("audit");

        verify(log, org.mockito.Mockito.times(2)).find(query.capture(), any());
        assertEquals(new AuditQuery(null, null, null, Instant.parse("2024-02-01T00:00:00Z"),
                Instant.parse("2024-02-03T00:00:00Z")), query.getAllValues().get(0));
        assertEquals(AuditQuery.all(), query.getAllValues().get(1));
    }

    @Test
    public void badTimesAndUnknownParametersAre400NamingThem() {
        JsonNode from = api.get("audit?from=yesterday").problem(400, "validation");
        assertEquals("from", field(from, 0));
        assertEquals("must be an ISO-8601 timestamp like 2024-01-31T12:00:00Z or a date like 2024-01-31 "
                + "(got 'yesterday')", message(from, 0));
        assertEquals("to", field(api.get("audit?to=2024-02-01T10:00:00").problem(400, "validation"), 0));
        assertEquals("to", field(api.get("audit?from=2024-02-02&to=2024-02-01").problem(400, "validation"), 0));
        assertEquals("usr", field(api.get("audit?usr=admin").problem(400, "validation"), 0));
        verifyNoInteractions(log);
    }

    @Test
    public void onlyTheAdministratorReadsIt() {
        for (String user : List.of(InProcessApi.MANAGER, InProcessApi.SALESPERSON, InProcessApi.VIEWER)) {
            JsonNode problem = api.request("GET", "audit").as(user).send().problem(403, "forbidden");
            assertEquals(true, problem.get("detail").asText().endsWith("it needs the role opportune-admin"));
        }
        verifyNoInteractions(log);
    }

    @Test
    public void withoutTheLogItIs503() {
        resource.audit = null;

        JsonNode problem = api.get("audit").problem(503, "unavailable");

        assertEquals("the persistence module is not available", problem.get("detail").asText());
    }
}
