package org.opportune.rest.internal.resources;

import static org.junit.Assert.assertEquals;
import static org.opportune.rest.internal.resources.SalesCycleResourceTest.fieldNames;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Test;
import org.opportune.api.report.ReportInfo;
import org.opportune.api.report.ReportRegistrationInfo;
import org.opportune.api.report.ReportResult;
import org.opportune.api.report.ReportService;
import org.opportune.rest.internal.resources.InProcessApi.Reply;
import org.opportune.rest.internal.whiteboard.RegisteredResource;
import org.opportune.rest.internal.whiteboard.RegisteredResources;

public class ExtensionsResourceTest {
    private final FakeSalesCycleService cycles = new FakeSalesCycleService();
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
        };
        return resource;
    }

    @Test
    public void listsTheProbabilityModelsAndResourcesPluggedInNow() {
        resource.cycles = cycles;
        cycles.install(FakeSalesCycleService.model("multiply", "rounded down"), "org.example.models", 10);
        registered.add(RegisteredResource.of("org.opportune.rest", new String[] { SalesCycleResource.class.getName() },
                new SalesCycleResource()));
        registered.add(RegisteredResource.of("org.opportune.rest", new String[] { ExtensionsResource.class.getName() },
                resource));

        Reply reply = api.get("extensions");

        assertEquals(reply.toString(), 200, reply.status());
        JsonNode body = reply.json();
        assertEquals(List.of("probabilityModels", "transitionRules", "reports", "resources"), fieldNames(body));
        JsonNode models = body.get("probabilityModels");
        assertEquals(3, models.size());
        assertEquals(List.of("name", "bundle", "ranking", "description", "active", "problem"),
                fieldNames(models.get(0)));
        assertEquals("{\"name\":\"ADD\",\"bundle\":\"org.opportune.cycles\",\"ranking\":0,"
                + "\"description\":\"(chances + completed) / 2\",\"active\":true,\"problem\":null}",
                models.get(0).toString());
        assertEquals("the higher ranking is the one in use", "org.example.models",
                models.get(1).get("bundle").asText());
        assertEquals(true, models.get(1).get("active").asBoolean());
        assertEquals(10, models.get(1).get("ranking").asInt());
        assertEquals(false, models.get(2).get("active").asBoolean());
        assertEquals("[]", body.get("transitionRules").toString());
        assertEquals("[]", body.get("reports").toString());
        JsonNode sales = body.get("resources").get(0);
        assertEquals(List.of("bundle", "objectClass", "implementation", "path"), fieldNames(sales));
        assertEquals("org.opportune.rest", sales.get("bundle").asText());
        assertEquals("[\"" + SalesCycleResource.class.getName() + "\"]", sales.get("objectClass").toString());
        assertEquals(SalesCycleResource.class.getName(), sales.get("implementation").asText());
        assertEquals("/sales-cycles", sales.get("path").asText());
        assertEquals("/extensions", body.get("resources").get(1).get("path").asText());
    }

    @Test
    public void withoutTheCyclesModuleThereAreNoModelsAndStill200() {
        Reply reply = api.get("extensions");

        assertEquals(reply.toString(), 200, reply.status());
        assertEquals("{\"probabilityModels\":[],\"transitionRules\":[],\"reports\":[],\"resources\":[]}", reply.body());
    }

    @Test
    public void listsTheTransitionRulesOfTheOpportunitiesModuleAsTheyComeAndGo() {
        FakeOpportunityService opportunities = new FakeOpportunityService();
        resource.opportunities = opportunities;
        opportunities.install("minimum-value", null, "org.example.rules", move -> java.util.Optional.empty());

        JsonNode rules = api.get("extensions").json().get("transitionRules");

        assertEquals(2, rules.size());
        assertEquals(List.of("name", "description", "bundle", "ranking", "active", "problem"),
                fieldNames(rules.get(0)));
        assertEquals("{\"name\":\"minimum-value\",\"description\":null,\"bundle\":\"org.example.rules\","
                + "\"ranking\":0,\"active\":true,\"problem\":null}", rules.get(0).toString());
        assertEquals("quote-required", rules.get(1).get("name").asText());
        assertEquals("NEXT or SKIP to a stage that requires a quote needs a linked sales quote",
                rules.get(1).get("description").asText());

        opportunities.uninstall("minimum-value");
        assertEquals(1, api.get("extensions").json().get("transitionRules").size());
        resource.opportunities = null;
        assertEquals("[]", api.get("extensions").json().get("transitionRules").toString());
    }

    @Test
    public void modelsComeAndGoWithoutRestart() {
        resource.cycles = cycles;
        cycles.install(FakeSalesCycleService.model("WEIGHTED", "70/30"), "org.example.weighted", 0);
        assertEquals(3, api.get("extensions").json().get("probabilityModels").size());

        cycles.uninstall("WEIGHTED");
        JsonNode models = api.get("extensions").json().get("probabilityModels");
        assertEquals(2, models.size());
        assertEquals("MULTIPLY", models.get(1).get("name").asText());
    }

    @Test
    public void takesNoParameters() {
        resource.cycles = cycles;

        assertEquals("kind", SalesCycleResourceTest.field(api.get("extensions?kind=models").problem(400, "validation"),
                0));
    }

    @Test
    public void listsEveryReportRegistrationARefusedOneWithItsProblem() {
        String problem = "its id() is 'impostor' but its opportune.report.id service property is 'pipeline'; "
                + "they must be the same";
        resource.reports = new ReportService() {
            @Override
            public List<ReportInfo> reports() {
                throw new AssertionError("/extensions lists every registration, not only the ones in use");
            }

            @Override
            public List<ReportRegistrationInfo> registrations() {
                return List.of(new ReportRegistrationInfo("pipeline", "Impostor", "org.example", false, 10, false,
                        problem), new ReportRegistrationInfo("pipeline", "Pipeline", "org.opportune.reporting", true, 0,
                                true, null));
            }

            @Override
            public ReportResult run(String id, Map<String, String> parameters) {
                throw new AssertionError();
            }
        };

        JsonNode reports = api.get("extensions").json().get("reports");

        assertEquals(2, reports.size());
        assertEquals(List.of("id", "title", "bundle", "chart", "ranking", "active", "problem"),
                fieldNames(reports.get(0)));
        assertEquals("{\"id\":\"pipeline\",\"title\":\"Impostor\",\"bundle\":\"org.example\",\"chart\":false,"
                + "\"ranking\":10,\"active\":false,\"problem\":\"" + problem + "\"}", reports.get(0).toString());
        assertEquals("{\"id\":\"pipeline\",\"title\":\"Pipeline\",\"bundle\":\"org.opportune.reporting\","
                + "\"chart\":true,\"ranking\":0,\"active\":true,\"problem\":null}", reports.get(1).toString());
    }
}
