package org.opportune.rest.internal.resources;

import static org.junit.Assert.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Optional;

import org.junit.Test;
import org.opportune.api.UnavailableException;
import org.opportune.api.salesperson.SalespersonService;
import org.opportune.rest.internal.resources.InProcessApi.Reply;

/** {@code /me}: the user, its Opportune roles and its salesperson. */
public class MeResourceTest {
    private final SalespersonService salespeople = mock(SalespersonService.class);
    private final MeResource resource = new MeResource();
    private final InProcessApi api = new InProcessApi(resource);

    @Test
    public void namesTheUserItsOpportuneRolesOnlyAndItsSalesperson() {
        resource.salespeople = salespeople;
        when(salespeople.findByUserName("jo")).thenReturn(Optional.of(Views.jo()));

        Reply jo = api.request("GET", "me").as(InProcessApi.SALESPERSON).send();
        Reply admin = api.request("GET", "me").as(InProcessApi.ADMIN).send();

        assertEquals(jo.toString(), 200, jo.status());
        assertEquals("{\"userName\":\"jo\",\"roles\":[\"salesperson\"],\"salespersonCode\":\"JO\"}", jo.body());
        assertEquals("Karaf's admin role is not listed",
                "{\"userName\":\"admin\",\"roles\":[\"opportune-admin\"],\"salespersonCode\":null}", admin.body());
    }

    @Test
    public void theRolesAreSorted() {
        MeResource several = new MeResource();
        InProcessApi.Reply reply = InProcessApi.withRoles("pat", java.util.Set.of("sales-viewer", "sales-manager",
                "admin"), several).request("GET", "me").as(InProcessApi.basic("pat", "pat")).send();

        assertEquals("{\"userName\":\"pat\",\"roles\":[\"sales-manager\",\"sales-viewer\"],\"salespersonCode\":null}",
                reply.body());
    }

    @Test
    public void noSalespersonWhenTheSalespeopleModuleIsAbsentOrDown() {
        assertEquals("null", api.request("GET", "me").as(InProcessApi.SALESPERSON).send().json()
                .get("salespersonCode").toString());

        resource.salespeople = salespeople;
        when(salespeople.findByUserName("jo")).thenThrow(new UnavailableException("the database is busy"));
        assertEquals("null", api.request("GET", "me").as(InProcessApi.SALESPERSON).send().json()
                .get("salespersonCode").toString());
    }

    @Test
    public void takesNoParameters() {
        api.request("GET", "me?x=1").as(InProcessApi.VIEWER).send().problem(400, "validation");
    }
}
