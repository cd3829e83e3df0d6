package org.opportune.rest.internal.http;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import java.time.LocalDate;
import java.util.List;

import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;

import org.junit.Test;
import org.opportune.api.FieldError;
import org.opportune.api.PageRequest;
import org.opportune.api.SortKey;
import org.opportune.api.ValidationException;
import org.opportune.api.contact.ContactType;

public class QueryParametersTest {

    @Test
    public void unknownParametersAre400NamingThemAndTheKnownOnes() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> QueryParameters.forList(query("q", "x", "blockd", "true", "page", "2"), "q", "blocked"));

        assertEquals(List.of(
                new FieldError("blockd", "is not a known parameter; known: q, blocked, offset, limit, sort"),
                new FieldError("page", "is not a known parameter; known: q, blocked, offset, limit, sort")),
                e.errors());
    }

    @Test
    public void anEndpointWithoutParametersRefusesAny() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> QueryParameters.only(query("expand", "all")));

        assertEquals(new FieldError("expand", "is not a known parameter; this endpoint takes none"), e.errors().get(0));
    }

    @Test
    public void aRepeatedParameterIs400() {
        MultivaluedMap<String, String> twice = new MultivaluedHashMap<>();
        twice.add("q", "a");
        twice.add("q", "b");

        ValidationException e = assertThrows(ValidationException.class, () -> QueryParameters.forList(twice, "q"));
        assertEquals(new FieldError("q", "is given more than once"), e.errors().get(0));
    }

    @Test
    public void typedValues() {
        QueryParameters parameters = QueryParameters.forList(query("q", " jo ", "blocked", "TRUE", "type", "person",
                "companyNo", ""), "q", "blocked", "type", "companyNo", "salespersonCode");

        assertEquals("jo", parameters.text("q"));
        assertEquals(Boolean.TRUE, parameters.bool("blocked"));
        assertEquals(ContactType.PERSON, parameters.enumValue("type", ContactType.class));
        assertNull(parameters.text("companyNo"));
        assertNull(parameters.text("salespersonCode"));
        assertNull(parameters.bool("salespersonCode"));
    }

    @Test
    public void badBooleansAndEnumsAre400NamingTheParameterAndTheAllowedValues() {
        QueryParameters parameters = QueryParameters.forList(query("blocked", "yes", "type", "FIRM"), "blocked", "type");

        assertEquals(new FieldError("blocked", "must be true or false (got 'yes')"),
                assertThrows(ValidationException.class, () -> parameters.bool("blocked")).errors().get(0));
        assertEquals(new FieldError("type", "must be one of COMPANY, PERSON (got 'FIRM')"),
                assertThrows(ValidationException.class, () -> parameters.enumValue("type", ContactType.class))
                        .errors().get(0));
    }

    @Test
    public void datesAndWholeNumbersAreTypedOrNullWhenAbsent() {
        QueryParameters parameters = QueryParameters.forList(query("from", "2024-02-29", "stage", " 3 "), "from", "to",
                "stage", "other");

        assertEquals(LocalDate.of(2024, 2, 29), parameters.date("from"));
        assertNull(parameters.date("to"));
        assertEquals(Integer.valueOf(3), parameters.integer("stage"));
        assertNull(parameters.integer("other"));
        assertEquals(7, parameters.integer("other", 7));
    }

    @Test
    public void badDatesAndWholeNumbersAre400NamingTheParameter() {
        QueryParameters parameters = QueryParameters.forList(query("from", "2023-02-29", "to", "31.01.2024",
                "stage", "1.5"), "from", "to", "stage");

        assertEquals(new FieldError("from", "must be a date like 2024-01-31 (got '2023-02-29')"),
                assertThrows(ValidationException.class, () -> parameters.date("from")).errors().get(0));
        assertEquals("to", assertThrows(ValidationException.class, () -> parameters.date("to")).errors().get(0)
                .field());
        assertEquals(new FieldError("stage", "must be a whole number (got '1.5')"),
                assertThrows(ValidationException.class, () -> parameters.integer("stage")).errors().get(0));
    }

    @Test
    public void pagingDefaultsAndLimits() {
        assertEquals(new PageRequest(0, 50, List.of()), Paging.from(QueryParameters.forList(query())));
        assertEquals(new PageRequest(20, 500, List.of(new SortKey("name", false), new SortKey("code", true))),
                Paging.from(QueryParameters.forList(query("offset", "20", "limit", "500", "sort", "name,-code"))));

        assertPagingRefused("limit", "501");
        assertPagingRefused("limit", "0");
        assertPagingRefused("limit", "ten");
        assertPagingRefused("offset", "-1");
        assertPagingRefused("offset", "99999999999");
    }

    private static void assertPagingRefused(String name, String value) {
        ValidationException e = assertThrows(ValidationException.class,
                () -> Paging.from(QueryParameters.forList(query(name, value))));
        assertEquals(name, e.errors().get(0).field());
    }

    private static MultivaluedMap<String, String> query(String... namesAndValues) {
        MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            query.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return query;
    }
}
