package com.draftorders.messaging.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.exc.InvalidNullException;

/**
 * Deserializers for a field that may be left out but never sent as {@code null}: absent it is {@code null} (the
 * caller's default applies, e.g. the shop currency or a quantity of 1), an explicit {@code null} is refused as
 * {@code malformed} ("must not be null"). Jackson's {@code @JsonSetter(nulls = FAIL)} refuses an absent record
 * component too, so it cannot say this. Use with {@code @JsonDeserialize(using = Required.Text.class)}.
 */
public final class Required {

    private Required() {}

    /** A string that may be absent but not null. */
    public static final class Text extends ValueDeserializer<String> {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            return ctxt.readValue(p, String.class);
        }

        @Override
        public String getNullValue(DeserializationContext ctxt) {
            throw InvalidNullException.from(ctxt, null, ctxt.constructType(String.class));
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return null;
        }
    }

    /** An integer that may be absent but not null. */
    public static final class WholeNumber extends ValueDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser p, DeserializationContext ctxt) {
            return ctxt.readValue(p, Integer.class);
        }

        @Override
        public Integer getNullValue(DeserializationContext ctxt) {
            throw InvalidNullException.from(ctxt, null, ctxt.constructType(Integer.class));
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return null;
        }
    }
}
