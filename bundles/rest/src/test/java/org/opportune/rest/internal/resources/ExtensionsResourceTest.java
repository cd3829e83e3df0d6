package org.opportune.rest.internal.resources;

import static org.junit.Assert.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.opportune.rest.internal.resources.JsonAsserts.fieldNames;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Test;
import org.opportune.api.UsageCheck;
import org.opportune.api.cycle.SalesCycleService;
import org.opportune.api.opportunity.MoveParticipant;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.api.probability.ProbabilityModelInfo;
import org.opportune.api.report.ReportRegistrationInfo;
import org.opportune.api.report.ReportService;
import org.opportune.api.rule.TransitionRuleInfo;
import org.opportune.rest.internal.resources.InProcessApi.Reply;
import org.opportune.rest.internal.whiteboard.RegisteredResource;
import org.opportune.rest.internal.security.ResourceAccess;
import org.opportune.rest.internal.whiteboard.RegisteredResources;

/** {@code /extensions} over HTTP: what each module has registered, as its service lists it. */
public class ExtensionsResourceTest {
    private final SalesCycleService cycles = mock(SalesCycleService.class);
    private final List<RegisteredResource> registered = new ArrayList<>();
    private final ExtensionsResource resource = extensions(registered);
    private final InProcessApi api = new InProcessApi(resource);

    private static ExtensionsResource extensions(List<RegisteredResource> registered) {
        ExtensionsResource resource = new ExtensionsResource();
        resource.resources = new RegisteredResources() {
            @Override
            public List<RegisteredResource> resources() {
                return List.copyOf(registered);
            }

            @Override
            public List<Class<?>> resourceClasses() {
                return List.of();
            }

            @Override
            public ResourceAccess access() {
                return ResourceAccess.builtIn();
            }
        };
        return resource;
    }

    @Test
    public void listsTheProbabilityModelsAndResourcesPluggedInNow() {
        resource.cycles = cycles;
        when(cycles.probabilityModels()).thenReturn(List.of(
                new ProbabilityModelInfo("ADD", "(chances + completed) / 2", "org.opportune.cycles", 0, true),
                new ProbabilityModelInfo("MULTIPLY", "rounded down", "org.example.models", 10, true),
                new ProbabilityModelInfo("MULTIPLY", "chances × completed", "org.opportune.cycles", 0, false)));
        registered.add(RegisteredResource.of("org.opportune.rest", new String[] { SalesCycleResource.class.getName() },
                new SalesCycleResource()));
        registered.add(RegisteredResource.of("org.opportune.rest", new String[] { ExtensionsResource.class.getName() },
                resource));

        Reply reply = api.get("extensions");

        assertEquals(reply.toString(), 200, reply.status());
        JsonNode body = reply.json();
        assertEquals(List.of("probabilityModels", "transitionRules", "reports", "resources", "usageChecks",
                "moveParticipants"), fieldNames(body));
        JsonNode models = body.get("probabilityModels");
        assertEquals(3, models.size());
        assertEquals("{\"name\":\"ADD\",\"bundle\":\"org.opportune.cycles\",\"ranking\":0,"
                + "\"description\":\"(chances + completed) / 2\",\"active\":true,\"problem\":null}",
                models.get(0).toString());
        assertEquals(false, models.get(2).get("active").asBoolean());
        assertEquals("[]", body.get("transitionRules").toString());
        assertEquals("[]", body.get("reports").toString());
        JsonNode sales = body.get("resources").get(0);
        assertEquals(List.of("bundle", "objectClass", "implementation", "path"), fieldNames(sales));
        assertEquals("[\"" + SalesCycleResource.class.getName() + "\"]", sales.get("objectClass").toString());
        assertEquals(SalesCycleResource.class.getName(), sales.get("implementation").asText());
        assertEquals("/sales-cycles", sales.get("path").asText());
        assertEquals("/extensions", body.get("resources").get(1).get("path").asText());
    }

    @Test
    public void withoutTheModulesThereIsNothingAndStill200() {
        Reply reply = api.get("extensions");

        assertEquals(reply.toString(), 200, reply.status());
        assertEquals("{\"probabilityModels\":[],\"transitionRules\":[],\"reports\":[],\"resources\":[],"
                + "\"usageChecks\":[],\"moveParticipants\":[]}", reply.body());
    }

    @Test
    public void listsTheTransitionRulesOfTheOpportunitiesModule() {
        OpportunityService opportunities = mock(OpportunityService.class);
        resource.opportunities = opportunities;
        when(opportunities.transitionRules()).thenReturn(List.of(
                new TransitionRuleInfo("minimum-value", null, "org.example.rules", 0, true),
                new TransitionRuleInfo("quote-required", "NEXT or SKIP to a stage that requires a quote needs a"
                        + " linked sales quote", "org.opportune.opportunities", 0, true)));

        JsonNode rules = api.get("extensions").json().get("transitionRules");

        assertEquals(2, rules.size());
        assertEquals("{\"name\":\"minimum-value\",\"description\":null,\"bundle\":\"org.example.rules\","
                + "\"ranking\":0,\"active\":true,\"problem\":null}", rules.get(0).toString());
        resource.opportunities = null;
        assertEquals("[]", api.get("extensions").json().get("transitionRules").toString());
    }

    @Test
    public void takesNoParameters() {
        assertEquals("kind", JsonAsserts.field(api.get("extensions?kind=models").problem(400, "validation"), 0));
    }

    @Test
    public void listsEveryReportRegistrationARefusedOneWithItsProblem() {
        String problem = "its id() is 'impostor' but its opportune.report.id service property is 'pipeline'; "
                + "they must be the same";
        ReportService reports = mock(ReportService.class);
        resource.reports = reports;
        when(reports.registrations()).thenReturn(List.of(
                new ReportRegistrationInfo("pipeline", "Impostor", "org.example", false, 10, false, problem),
                new ReportRegistrationInfo("pipeline", "Pipeline", "org.opportune.reporting", true, 0, true, null)));

        JsonNode listed = api.get("extensions").json().get("reports");

        assertEquals(2, listed.size());
        assertEquals(List.of("id", "title", "bundle", "chart", "ranking", "active", "problem"),
                fieldNames(listed.get(0)));
        assertEquals("{\"id\":\"pipeline\",\"title\":\"Impostor\",\"bundle\":\"org.example\",\"chart\":false,"
                + "\"ranking\":10,\"active\":false,\"problem\":\"" + problem + "\"}", listed.get(0).toString());
        verify(reports, never()).reports();
    }

    @Test
    public void listsTheUsageChecksByKindAndTheMoveParticipantsAsTheirOwnersRankThem() {
        UsageCheck builtIn = key -> Optional.empty();
        UsageCheck replacement = key -> Optional.empty();
        UsageCheck unnamed = key -> Optional.empty();
        resource.addUsageCheck(builtIn, Map.of(UsageCheck.RESOURCE, "salesperson", UsageCheck.NAME_PROPERTY,
                "open-opportunities"));
        resource.addUsageCheck(replacement, Map.of(UsageCheck.RESOURCE, "salesperson", UsageCheck.NAME_PROPERTY,
                "Open-Opportunities", "service.ranking", 10));
        resource.addUsageCheck(unnamed, Map.of(UsageCheck.RESOURCE, "contact"));
        resource.addUsageCheck(key -> Optional.empty(), Map.of(UsageCheck.RESOURCE, "contact",
                UsageCheck.NAME_PROPERTY, "open-opportunities"));
        MoveParticipant tasks = move -> { };
        resource.addMoveParticipant(tasks, Map.of(MoveParticipant.NAME_PROPERTY, "tasks"));

        JsonNode body = api.get("extensions").json();

        JsonNode checks = body.get("usageChecks");
        assertEquals(checks.toString(), 4, checks.size());
        assertEquals(List.of("name", "resource", "bundle", "ranking", "active", "problem"), fieldNames(checks.get(0)));
        assertEquals("contact", checks.get(0).get("resource").asText());
        assertEquals("salesperson", checks.get(2).get("resource").asText());
        assertEquals("the higher ranking is in use", 10, checks.get(2).get("ranking").asInt());
        assertEquals(true, checks.get(2).get("active").asBoolean());
        assertEquals(false, checks.get(3).get("active").asBoolean());
        assertEquals(1, count(checks, entry -> !entry.get("problem").isNull()));
        assertEquals("[{\"name\":\"tasks\",\"bundle\":null,\"ranking\":0,\"active\":true,\"problem\":null}]",
                body.get("moveParticipants").toString());

        resource.updatedUsageCheck(replacement, Map.of(UsageCheck.RESOURCE, "salesperson", UsageCheck.NAME_PROPERTY,
                "open-opportunities", "service.ranking", -5));
        resource.removeMoveParticipant(tasks);
        body = api.get("extensions").json();
        assertEquals("a ranking update is honoured", 0, body.get("usageChecks").get(2).get("ranking").asInt());
        assertEquals("[]", body.get("moveParticipants").toString());
    }

    private static long count(JsonNode array, java.util.function.Predicate<JsonNode> test) {
        long count = 0;
        for (JsonNode entry : array) {
            count += test.test(entry) ? 1 : 0;
        }
        return count;
    }
}
