package org.opportune.rest.internal.json;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.junit.Test;
import org.opportune.api.contact.ContactType;
import org.opportune.api.opportunity.ActionTaken;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.api.opportunity.OpportunityPriority;
import org.opportune.api.opportunity.OpportunityStatus;
import org.opportune.rest.internal.dto.AddressDto;
import org.opportune.rest.internal.dto.ContactDto;
import org.opportune.rest.internal.dto.EntryDto;
import org.opportune.rest.internal.dto.OpportunityDto;
import org.opportune.rest.internal.dto.Page;
import org.opportune.rest.internal.dto.SalesQuoteDto;
import org.opportune.rest.internal.dto.SalespersonDto;
import org.opportune.rest.internal.dto.StageUpdateDto;

public class ApiObjectMapperTest {
    private final ObjectMapper mapper = ApiObjectMapper.create();

    public record Entry(int stage, LocalDate dateOfChange, BigDecimal estimatedValue, boolean active) {
    }

    @Test
    public void salespersonHasTheShapeOfTheApi() throws Exception {
        String json = mapper.writeValueAsString(new SalespersonDto("JO", "Jo Miller", null, "123", "Sales",
                new BigDecimal("2.50"), false, null, 1L, "admin", Instant.parse("2024-01-10T09:30:00.250Z")));

        assertEquals("{\"code\":\"JO\",\"name\":\"Jo Miller\",\"email\":null,\"phone\":\"123\","
                + "\"jobTitle\":\"Sales\",\"commissionPercent\":2.50,\"blocked\":false,\"userName\":null,"
                + "\"version\":1,\"changedBy\":\"admin\",\"changedAt\":\"2024-01-10T09:30:00.250Z\"}", json);
    }

    @Test
    public void contactHasTheShapeOfTheApi() throws Exception {
        String json = mapper.writeValueAsString(new ContactDto("CT000001", ContactType.COMPANY, "Cronus Ltd",
                "CT000001", "Cronus Ltd", "JO", "a@b.c", null, null, null,
                new AddressDto("1 Main St", null, "Leeds", "LS1", null, "GB"), 3L, null, null));

        assertEquals("{\"no\":\"CT000001\",\"type\":\"COMPANY\",\"name\":\"Cronus Ltd\",\"companyNo\":\"CT000001\","
                + "\"companyName\":\"Cronus Ltd\",\"salespersonCode\":\"JO\",\"email\":\"a@b.c\",\"phone\":null,"
                + "\"mobilePhone\":null,\"jobTitle\":null,\"address\":{\"line1\":\"1 Main St\",\"line2\":null,"
                + "\"city\":\"Leeds\",\"postCode\":\"LS1\",\"county\":null,\"countryCode\":\"GB\"},\"version\":3,"
                + "\"changedBy\":null,\"changedAt\":null}", json);
    }

    @Test
    public void pageIsTheListEnvelope() throws Exception {
        assertEquals("{\"items\":[\"a\"],\"total\":7,\"offset\":5,\"limit\":1}",
                mapper.writeValueAsString(new Page<>(List.of("a"), 7, 5, 1)));
    }

    @Test
    public void timestampsAreIsoInstantsInUtcAndReadInAnyOffset() throws Exception {
        SalespersonDto read = mapper.readValue("{\"code\":\"JO\",\"changedAt\":\"2024-01-10T10:30:00+01:00\"}",
                SalespersonDto.class);

        assertEquals(Instant.parse("2024-01-10T09:30:00Z"), read.changedAt());
        assertTrue(mapper.writeValueAsString(read).contains("\"changedAt\":\"2024-01-10T09:30:00Z\""));
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
        OpportunityDto opportunity = new OpportunityDto("OP1", "d", "CT1", null, "JO", "STD",
                OpportunityPriority.NORMAL, LocalDate.of(2024, 1, 10), OpportunityStatus.IN_PROGRESS, false, null, 1,
                new BigDecimal("1E+3"), new BigDecimal("33.333"), BigDecimal.TEN, new BigDecimal("3.3333"),
                new BigDecimal("33.333"), null, null, new SalesQuoteDto("SQ1", new BigDecimal("0.005")), 3, 2L,
                null, null);

        String json = mapper.writeValueAsString(opportunity);

        assertTrue(json, json.contains("\"estimatedValue\":1000.00,\"chancesOfSuccessPercent\":33.333,"
                + "\"completedPercent\":10,\"probabilityPercent\":3.3333,\"calculatedCurrentValue\":33.33,"));
        assertTrue("rounded half up", json.contains("\"salesQuote\":{\"no\":\"SQ1\",\"amount\":0.01}"));
        assertTrue(json.contains("\"estimatedCloseDate\":null"));
        assertEquals(new BigDecimal("10000.125"),
                mapper.readValue("{\"no\":\"SQ1\",\"amount\":10000.125}", SalesQuoteDto.class).amount());
    }

    @Test
    public void entryAndUpdateAmountsAreShownWithTwoDecimals() throws Exception {
        EntryDto entry = new EntryDto(1, "OP1", "STD", 1, "Initial", null, ActionTaken.NONE,
                LocalDate.of(2024, 1, 10), true, 0, null, BigDecimal.valueOf(10000), new BigDecimal("250.004"),
                BigDecimal.TEN, BigDecimal.valueOf(25), new BigDecimal("2.5"), null, null, "CT1", null, "JO", "jo",
                null);
        String json = mapper.writeValueAsString(entry);
        assertTrue(json, json.contains("\"estimatedValue\":10000.00,\"calculatedCurrentValue\":250.00,"
                + "\"completedPercent\":10,\"chancesOfSuccessPercent\":25,\"probabilityPercent\":2.5,"));

        assertEquals("{\"action\":\"NEXT\",\"stage\":2,\"dateOfChange\":null,\"estimatedValue\":9000.50,"
                + "\"chancesOfSuccessPercent\":40,\"estimatedCloseDate\":null,\"cancelOpenTasks\":false}",
                mapper.writeValueAsString(new StageUpdateDto(OpportunityAction.NEXT, 2, null, new BigDecimal("9000.5"),
                        BigDecimal.valueOf(40), null, false)));
        assertEquals("reading keeps the exact amount", new BigDecimal("9000.505"), mapper.readValue(
                "{\"action\":\"NEXT\",\"estimatedValue\":9000.505}", StageUpdateDto.class).estimatedValue());
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
                () -> mapper.readValue("{\"name\":12,\"code\":\"X\"}", SalespersonDto.class));
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
                () -> mapper.readValue("{\"type\":\"FIRM\",\"name\":\"x\"}", ContactDto.class));
        assertThrows(MismatchedInputException.class,
                () -> mapper.readValue("{\"type\":0,\"name\":\"x\"}", ContactDto.class));
    }

    private void assertRefused(String json, String field) {
        MismatchedInputException e = assertThrows(json, MismatchedInputException.class,
                () -> mapper.readValue(json, Entry.class));
        assertEquals(json, field, JsonFieldPath.of(e.getPath()));
    }
}
