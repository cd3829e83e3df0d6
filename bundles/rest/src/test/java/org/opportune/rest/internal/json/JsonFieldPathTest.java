package org.opportune.rest.internal.json;

import static org.junit.Assert.assertEquals;

import java.util.List;

import com.fasterxml.jackson.databind.JsonMappingException.Reference;

import org.junit.Test;

public class JsonFieldPathTest {

    @Test
    public void fieldsAreJoinedWithDotsAndIndexesInBrackets() {
        assertEquals("stages[0].stage", JsonFieldPath.of(List.of(new Reference(null, "stages"), new Reference(null, 0),
                new Reference(null, "stage"))));
        assertEquals("address.city", JsonFieldPath.of(List.of(new Reference(null, "address"),
                new Reference(null, "city"))));
        assertEquals("[2]", JsonFieldPath.of(List.of(new Reference(null, 2))));
        assertEquals("", JsonFieldPath.of(List.of()));
    }
}
