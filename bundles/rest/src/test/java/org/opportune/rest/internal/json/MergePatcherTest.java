package org.opportune.rest.internal.json;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import java.math.BigDecimal;

import javax.ws.rs.BadRequestException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.junit.Test;
import org.opportune.api.contact.Address;
import org.opportune.api.contact.Contact;
import org.opportune.api.contact.ContactType;
import org.opportune.api.salesperson.Salesperson;

public class MergePatcherTest {
    private final ObjectMapper mapper = ApiObjectMapper.create();
    private final MergePatcher patcher = new MergePatcher(mapper);

    private final Salesperson jo = new Salesperson("JO", "Jo Miller", "jo@example.com", null, "Sales",
            new BigDecimal("2.50"), false, 4L);
    private final Contact cronus = new Contact("CT000001", ContactType.COMPANY, "Cronus", "CT000001", "Cronus", "JO",
            null, null, null, null, new Address("1 Main St", null, "Leeds", "LS1", null, "GB"), 2L);

    @Test
    public void changesOnlyWhatThePatchNames() throws Exception {
        Salesperson patched = patcher.apply(jo, mapper.readTree("{\"jobTitle\":\"Lead\",\"email\":null}"),
                Salesperson.class);

        assertEquals(new Salesperson("JO", "Jo Miller", null, null, "Lead", new BigDecimal("2.50"), false, 4L), patched);
    }

    @Test
    public void mergesNestedObjects() throws Exception {
        Contact moved = patcher.apply(cronus, mapper.readTree("{\"address\":{\"city\":\"York\",\"postCode\":null}}"),
                Contact.class);
        assertEquals(new Address("1 Main St", null, "York", null, null, "GB"), moved.address());

        Contact cleared = patcher.apply(cronus, mapper.readTree("{\"address\":null}"), Contact.class);
        assertNull(cleared.address());
    }

    @Test
    public void wrongFieldsFailLikeABodyWithTheirPath() {
        UnrecognizedPropertyException unknown = assertThrows(UnrecognizedPropertyException.class,
                () -> patcher.apply(cronus, mapper.readTree("{\"address\":{\"town\":\"York\"}}"), Contact.class));
        assertEquals("address.town", JsonFieldPath.of(unknown.getPath()));

        MismatchedInputException nullPrimitive = assertThrows(MismatchedInputException.class,
                () -> patcher.apply(jo, mapper.readTree("{\"blocked\":null}"), Salesperson.class));
        assertEquals("blocked", JsonFieldPath.of(nullPrimitive.getPath()));
    }

    @Test
    public void aPatchMustBeAnObject() {
        assertThrows(BadRequestException.class, () -> patcher.apply(jo, mapper.readTree("[1]"), Salesperson.class));
        assertThrows(BadRequestException.class, () -> patcher.apply(jo, mapper.readTree("null"), Salesperson.class));
        assertThrows(BadRequestException.class, () -> patcher.apply(jo, null, Salesperson.class));
    }
}
