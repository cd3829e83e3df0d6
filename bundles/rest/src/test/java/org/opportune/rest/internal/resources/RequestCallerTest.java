package org.opportune.rest.internal.resources;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.Test;
import org.opportune.api.ConflictException;
import org.opportune.api.caller.Caller;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.api.salesperson.SalespersonService;

/**
 * The services a request reaches act for the request's user: its name and the roles the realm gave it are the
 * caller bound while the resource runs, and nothing stays bound once the request is answered.
 */
public class RequestCallerTest {
    private final SalespersonService salespeople = mock(SalespersonService.class);
    private final OpportunityService opportunities = mock(OpportunityService.class);
    private final SalespersonResource salespersonResource = new SalespersonResource();
    private final OpportunityResource opportunityResource = new OpportunityResource();
    private final InProcessApi api;
    private final List<Caller> seen = new ArrayList<>();

    public RequestCallerTest() {
        salespersonResource.salespeople = salespeople;
        opportunityResource.opportunities = opportunities;
        api = new InProcessApi(salespersonResource, opportunityResource);
    }

    @Test
    public void aServiceCalledForARequestSeesItsUserAsTheCaller() {
        when(salespeople.get("JO")).thenAnswer(call -> {
            seen.add(api.callers.current());
            return Views.jo();
        });

        assertEquals(200, api.get("salespeople/JO").status());

        assertEquals(List.of(Caller.user("admin", InProcessApi.USERS.get("admin"))), seen);
        assertTrue("unbound once answered", api.callers.current().isSystem());
    }

    @Test
    public void everyCallOfAChangeActsForTheSameCaller() {
        when(opportunities.get("OP000001")).thenAnswer(call -> {
            seen.add(api.callers.current());
            return Views.bigDeal(1);
        });
        when(opportunities.update(eq("OP000001"), any(), eq(1L))).thenAnswer(call -> {
            seen.add(api.callers.current());
            return Views.bigDeal(2);
        });

        assertEquals(200, api.send("PATCH", "opportunities/OP000001", "{\"description\":\"Bigger\"}").status());

        assertEquals(2, seen.size());
        assertEquals("admin", seen.get(1).userName());
        assertEquals(seen.get(0), seen.get(1));
    }

    @Test
    public void nothingStaysBoundWhenTheServiceRefusesOrFails() {
        when(salespeople.get(anyString())).thenAnswer(call -> {
            seen.add(api.callers.current());
            if (call.getArgument(0).equals("JO")) {
                throw new ConflictException("refused");
            }
            throw new IllegalStateException("a bug");
        });

        api.get("salespeople/JO").problem(409, "conflict");
        assertTrue(api.callers.current().isSystem());
        api.get("salespeople/AL").problem(500, "internal-error");
        assertTrue(api.callers.current().isSystem());

        assertEquals("admin", seen.get(0).userName());
        assertEquals("admin", seen.get(1).userName());
    }

    @Test
    public void aRequestRefusedByAuthenticationReachesNoService() {
        api.request("GET", "salespeople/JO").send().problem(401, "unauthorized");
        api.request("GET", "salespeople/JO").as(InProcessApi.basic("clerk", "clerk")).send()
                .problem(403, "forbidden");

        verify(salespeople, never()).get(anyString());
        assertTrue(api.callers.current().isSystem());
    }
}
