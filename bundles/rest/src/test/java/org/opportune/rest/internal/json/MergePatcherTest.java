package org.opportune.rest.internal.json;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;

import javax.ws.rs.BadRequestException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.junit.Test;
import org.opportune.api.contact.ContactType;
import org.opportune.rest.internal.dto.AddressDto;
import org.opportune.rest.internal.dto.ContactDto;
import org.opportune.rest.internal.dto.SalespersonDto;

public class MergePatcherTest {
    private final ObjectMapper mapper = ApiObjectMapper.create();
    private final MergePatcher patcher = new MergePatcher(mapper);

    private final SalespersonDto jo = new SalespersonDto("JO", "Jo Miller", "jo@example.com", null, "Sales",
            new BigDecimal("2.50"), false, "jo", 4L, "admin", Instant.parse("2024-01-10T09:30:00Z"));
    private final ContactDto cronus = new ContactDto("CT000001", ContactType.COMPANY, "Cronus", "CT000001", "Cronus",
            "JO", null, null, null, null, new AddressDto("1 Main St", null, "Leeds", "LS1", null, "GB"), 2L, null,
            null);

    @Test
    public void changesOnlyWhatThePatchNames() throws Exception {
        SalespersonDto patched = patcher.apply(jo, mapper.readTree("{\"jobTitle\":\"Lead\",\"email\":null}"),
                SalespersonDto.class);

        assertEquals(new SalespersonDto("JO", "Jo Miller", null, null, "Lead", new BigDecimal("2.50"), false, "jo", 4L,
                "admin", Instant.parse("2024-01-10T09:30:00Z")), patched);
    }

    @Test
    public void mergesNestedObjects() throws Exception {
        ContactDto moved = patcher.apply(cronus,
                mapper.readTree("{\"address\":{\"city\":\"York\",\"postCode\":null}}"), ContactDto.class);
        assertEquals(new AddressDto("1 Main St", null, "York", null, null, "GB"), moved.address());

        ContactDto cleared = patcher.apply(cronus, mapper.readTree("{\"address\":null}"), ContactDto.class);
        assertNull(cleared.address());
    }

    @Test
    public void wrongFieldsFailLikeABodyWithTheirPath() {
        UnrecognizedPropertyException unknown = assertThrows(UnrecognizedPropertyException.class,
                () -> patcher.apply(cronus, mapper.readTree("{\"address\":{\"town\":\"York\"}}"), ContactDto.class));
        assertEquals("address.town", JsonFieldPath.of(unknown.getPath()));

        MismatchedInputException nullPrimitive = assertThrows(MismatchedInputException.class,
                () -> patcher.apply(jo, mapper.readTree("{\"blocked\":null}"), SalespersonDto.class));
        assertEquals("blocked", JsonFieldPath.of(nullPrimitive.getPath()));
    }

    @Test
    public void aPatchMustBeAnObject() {
        assertThrows(BadRequestException.class, () -> patcher.apply(jo, mapper.readTree("[1]"), SalespersonDto.class));
        assertThrows(BadRequestException.class, () -> patcher.apply(jo, mapper.readTree("null"), SalespersonDto.class));
        assertThrows(BadRequestException.class, () -> patcher.apply(jo, null, SalespersonDto.class));
    }
}
