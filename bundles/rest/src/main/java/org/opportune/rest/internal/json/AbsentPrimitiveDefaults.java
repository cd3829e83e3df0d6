package org.opportune.rest.internal.json;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Lets an omitted primitive field of a record take its default ({@code false}, {@code 0}) while an
 * explicit {@code null} stays refused. With {@code FAIL_ON_NULL_FOR_PRIMITIVES} Jackson refuses
 * both for records (a missing creator property counts as null), so {@code {"code":"JO","name":"Jo"}}
 * would fail for the missing {@code blocked}.
 */
final class AbsentPrimitiveDefaults extends BeanDeserializerModifier {
    private static final long serialVersionUID = 1L;

    static SimpleModule module() {
        return new SimpleModule("opportune-absent-primitive-defaults").setDeserializerModifier(new AbsentPrimitiveDefaults());
    }

    @Override
    public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
            JsonDeserializer<?> deserializer) {
        Class<?> handled = deserializer.handledType();
        return handled != null && handled.isPrimitive() ? new AbsentAsDefault(deserializer) : deserializer;
    }

    private static final class AbsentAsDefault extends DelegatingDeserializer {
        private static final long serialVersionUID = 1L;

        AbsentAsDefault(JsonDeserializer<?> primitive) {
            super(primitive);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> primitive) {
            return new AbsentAsDefault(primitive);
        }

        @Override
        public Object getAbsentValue(DeserializationContext context) throws JsonMappingException {
            return _delegatee.getEmptyValue(context);
        }
    }
}
