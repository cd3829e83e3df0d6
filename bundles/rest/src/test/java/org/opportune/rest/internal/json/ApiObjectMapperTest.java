package org.opportune.rest.internal.json;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.junit.Test;
import org.opportune.api.Page;
import org.opportune.api.contact.Address;
import org.opportune.api.contact.Contact;
import org.opportune.api.contact.ContactType;
import org.opportune.api.opportunity.ActionTaken;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.api.opportunity.OpportunityEntry;
import org.opportune.api.opportunity.OpportunityPriority;
import org.opportune.api.opportunity.OpportunityStatus;
import org.opportune.api.opportunity.SalesQuote;
import org.opportune.api.opportunity.StageUpdate;
import org.opportune.api.salesperson.Salesperson;

public class ApiObjectMapperTest {
    private final ObjectMapper mapper = ApiObjectMapper.create();

    public record Entry(int stage, LocalDate dateOfChange, BigDecimal estimatedValue, boolean active) {
    }

    @Test
    public void salespersonHasTheShapeOfTheApi() throws Exception {
        String json = mapper.writeValueAsString(new Salesperson("JO", "Jo Miller", null, "123", "Sales",
                new BigDecimal("2.50"), false, 1L));

        assertEquals("{\"code\":\"JO\",\"name\":\"Jo Miller\",\"email\":null,\"phone\":\"123\","
                + "\"jobTitle\":\"Sales\",\"commissionPercent\":2.50,\"blocked\":false,\"version\":1}", json);
    }

    @Test
    public void contactHasTheShapeOfTheApi() throws Exception {
        String json = mapper.writeValueAsString(new Contact("CT000001", ContactType.COMPANY, "Cronus Ltd", "CT000001",
                "Cronus Ltd", "JO", "a@b.c", null, null, null,
                new Address("1 Main St", null, "Leeds", "LS1", null, "GB"), 3L));

        assertEquals("{\"no\":\"CT000001\",\"type\":\"COMPANY\",\"name\":\"Cronus Ltd\",\"companyNo\":\"CT000001\","
                + "\"companyName\":\"Cronus Ltd\",\"salespersonCode\":\"JO\",\"email\":\"a@b.c\",\"phone\":null,"
                + "\"mobilePhone\":null,\"jobTitle\":null,\"address\":{\"line1\":\"1 Main St\",\"line2\":null,"
                + "\"city\":\"Leeds\",\"postCode\":\"LS1\",\"county\":null,\"countryCode\":\"GB\"},\"version\":3}", json);
    }

    @Test
    public void pageIsTheListEnvelope() throws Exception {
        assertEquals("{\"items\":[\"a\"],\"total\":7,\"offset\":5,\"limit\":1}",
                mapper.writeValueAsString(new Page<>(List.of("a"), 7, 5, 1)));
    }

    @Test
    public void datesAreIsoDaysAndAmountsArePlainAndExact() throws Exception {
        String json = mapper.writeValueAsString(new Entry(1, LocalDate.of(2024, 1, 10), new BigDecimal("1E+3"), true));
        assertEquals("{\"stage\":1,\"dateOfChange\":\"2024-01-10\",\"estimatedValue\":1000,\"active\":true}", json);

        Entry read = mapper.readValue("{\"stage\":2,\"dateOfChange\":\"2024-02-29\",\"estimatedValue\":10000.10}",
                Entry.class);
        assertEquals(LocalDate.of(2024, 2, 29), read.dateOfChange());
        assertEquals(new BigDecimal("10000.10"), read.estimatedValue());
    }

    @Test
    public void opportunityAmountsAreShownWithTwoDecimalsAndPercentagesAsTheyCome() throws Exception {
        Opportunity opportunity = new Opportunity("OP1", "d", "CT1", null, "JO", "STD", OpportunityPriority.NORMAL,
                LocalDate.of(2024, 1, 10), OpportunityStatus.IN_PROGRESS, false, null, 1, new BigDecimal("1E+3"),
                new BigDecimal("33.333"), BigDecimal.TEN, new BigDecimal("3.3333"), new BigDecimal("33.333"), null,
                null, new SalesQuote("SQ1", new BigDecimal("0.005")), 2L);

        String json = mapper.writeValueAsString(opportunity);

        assertTrue(json, json.contains("\"estimatedValue\":1000.00,\"chancesOfSuccessPercent\":33.333,"
                + "\"completedPercent\":10,\"probabilityPercent\":3.3333,\"calculatedCurrentValue\":33.33,"));
        assertTrue("rounded half up", json.contains("\"salesQuote\":{\"no\":\"SQ1\",\"amount\":0.01}"));
        assertTrue(json.contains("\"estimatedCloseDate\":null"));
        assertEquals(new BigDecimal("10000.125"),
                mapper.readValue("{\"no\":\"SQ1\",\"amount\":10000.125}", SalesQuote.class).amount());
    }

    @Test
    public void entryAndUpdateAmountsAreShownWithTwoDecimals() throws Exception {
        OpportunityEntry entry = new OpportunityEntry(1, "OP1", "STD", 1, "Initial", null, ActionTaken.NONE,
                LocalDate.of(2024, 1, 10), true, 0, null, BigDecimal.valueOf(10000), new BigDecimal("250.004"),
                BigDecimal.TEN, BigDecimal.valueOf(25), new BigDecimal("2.5"), null, null, "CT1", null, "JO");
        String json = mapper.writeValueAsString(entry);
        assertTrue(json, json.contains("\"estimatedValue\":10000.00,\"calculatedCurrentValue\":250.00,"
                + "\"completedPercent\":10,\"chancesOfSuccessPercent\":25,\"probabilityPercent\":2.5,"));

        assertEquals("{\"action\":\"NEXT\",\"stage\":2,\"dateOfChange\":null,\"estimatedValue\":9000.50,"
                + "\"chancesOfSuccessPercent\":40,\"estimatedCloseDate\":null}", mapper.writeValueAsString(
                        new StageUpdate(OpportunityAction.NEXT, 2, null, new BigDecimal("9000.5"),
                                BigDecimal.valueOf(40), null)));
    }

    @Test
    public void anOmittedPrimitiveTakesItsDefaultButAnExplicitNullIsRefused() throws Exception {
        Entry read = mapper.readValue("{\"stage\":2}", Entry.class);
        assertFalse(read.active());
        assertNull(read.dateOfChange());

        MismatchedInputException e = assertThrows(MismatchedInputException.class,
                () -> mapper.readValue("{\"stage\":2,\"active\":null}", Entry.class));
        assertEquals("active", e.getPath().get(0).getFieldName());
    }

    @Test
    public void scalarsAreNotCoerced() {
        assertRefused("{\"stage\":\"2\"}", "stage");
        assertRefused("{\"stage\":2.5}", "stage");
        assertRefused("{\"estimatedValue\":\"12\"}", "estimatedValue");
        assertRefused("{\"estimatedValue\":\"\"}", "estimatedValue");
        assertRefused("{\"active\":\"true\"}", "active");
        assertRefused("{\"active\":1}", "active");
        assertRefused("{\"dateOfChange\":\"2024-13-01\"}", "dateOfChange");
        assertThrows(MismatchedInputException.class,
                () -> mapper.readValue("{\"name\":12,\"code\":\"X\"}", Salesperson.class));
    }

    @Test
    public void unknownFieldsTrailingTokensAndDuplicateKeysAreRefused() {
        assertThrows(UnrecognizedPropertyException.class, () -> mapper.readValue("{\"stage\":1,\"x\":1}", Entry.class));
        assertThrows(JsonProcessingException.class, () -> mapper.readValue("{\"stage\":1} {}", Entry.class));
        assertThrows(JsonProcessingException.class, () -> mapper.readValue("{\"stage\":1,\"stage\":2}", Entry.class));
        assertThrows(JsonProcessingException.class, () -> mapper.readTree("{\"a\":1,\"a\":2}"));
    }

    @Test
    public void absurdDecimalsAreRefusedBeforeAnyoneWritesThemPlain() {
        assertRefused("{\"estimatedValue\":1e400000}", "estimatedValue");
        assertRefused("{\"estimatedValue\":1e-39}", "estimatedValue");
    }

    @Test
    public void enumsTakeOnlyTheirNames() {
        assertThrows(InvalidFormatException.class,
                () -> mapper.readValue("{\"type\":\"FIRM\",\"name\":\"x\"}", Contact.class));
        assertThrows(MismatchedInputException.class,
                () -> mapper.readValue("{\"type\":0,\"name\":\"x\"}", Contact.class));
    }

    private void assertRefused(String json, String field) {
        MismatchedInputException e = assertThrows(json, MismatchedInputException.class,
                () -> mapper.readValue(json, Entry.class));
        assertEquals(json, field, JsonFieldPath.of(e.getPath()));
    }
}
