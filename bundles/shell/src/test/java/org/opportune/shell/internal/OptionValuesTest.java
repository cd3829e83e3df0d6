package org.opportune.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.fail;

import java.util.List;

import org.junit.Test;
import org.opportune.api.FieldError;
import org.opportune.api.ValidationException;
import org.opportune.api.contact.ContactType;

public class OptionValuesTest {

    @Test
    public void readsTrueAndFalseInAnyCase() {
        assertEquals(Boolean.TRUE, OptionValues.trueOrFalse("blocked", "TRUE"));
        assertEquals(Boolean.FALSE, OptionValues.trueOrFalse("blocked", "false"));
        assertNull(OptionValues.trueOrFalse("blocked", null));
    }

    @Test
    public void refusesAnythingElseThanTrueOrFalse() {
        try {
            OptionValues.trueOrFalse("blocked", "yes");
            fail("yes is not a boolean");
        } catch (ValidationException expected) {
            assertEquals(List.of(new FieldError("blocked", "must be true or false (got 'yes')")), expected.errors());
        }
    }

    @Test
    public void readsAnEnumConstantInAnyCase() {
        assertEquals(ContactType.PERSON, OptionValues.oneOf("type", "person", ContactType.class));
        assertEquals(ContactType.COMPANY, OptionValues.oneOf("type", "Company", ContactType.class));
        assertNull(OptionValues.oneOf("type", null, ContactType.class));
    }

    @Test
    public void refusesAnUnknownConstantNamingTheKnownOnes() {
        try {
            OptionValues.oneOf("type", "robot", ContactType.class);
            fail("robot is no contact type");
        } catch (ValidationException expected) {
            assertEquals(List.of(new FieldError("type", "must be one of COMPANY, PERSON (got 'robot')")),
                    expected.errors());
        }
    }
}
