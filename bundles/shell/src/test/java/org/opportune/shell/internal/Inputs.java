package org.opportune.shell.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an input of the API carries, field by field, to compare what a command sent with what it
 * should have sent: the API's input builders build classes without {@code equals}.
 */
public final class Inputs {

    private Inputs() {
    }

    /** @return the input's fields by name; inputs of the API in it, alone or in a list, as their fields too */
    public static Map<String, Object> fields(Object input) {
        Map<String, Object> fields = new TreeMap<>();
        for (Field field : input.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            field.setAccessible(true);
            try {
                fields.put(field.getName(), comparable(field.get(input)));
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
        return fields;
    }

    private static Object comparable(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(Inputs::comparable).toList();
        }
        boolean apiInput = value != null && value.getClass().getPackageName().startsWith("org.opportune.api")
                && !value.getClass().isEnum() && !value.getClass().isRecord();
        return apiInput ? fields(value) : value;
    }
}
