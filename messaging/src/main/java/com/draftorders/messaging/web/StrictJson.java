package com.draftorders.messaging.web;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * How every service reads a JSON body, and how it says what was wrong with one.
 *
 * <p>Strict: a duplicate key anywhere is refused; an integer field takes only a JSON integer ({@code 1.5},
 * {@code "2"} and {@code true} are refused, not rounded or converted); a string field takes only a JSON string (no
 * number or boolean turned into text); a boolean only {@code true} or {@code false}; a list or map never holds a
 * {@code null} element. Unknown properties are ignored (Shopify's clients send back what they read).
 *
 * <p>A refusal names the JSON path of the field ({@code draft_order.line_items[2].quantity}) and what would be
 * accepted, never a Java type or method.
 */
public final class StrictJson {

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:Object property|field) \"([^\"]*)\"");

    private StrictJson() {}

    /** Applies the rules to the mapper Spring MVC reads bodies with (a {@code JsonMapperBuilderCustomizer}). */
    public static void configure(JsonMapper.Builder builder) {
        builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(
                        LogicalType.Textual,
                        c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Integer,
                        c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Float,
                        c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Boolean,
                        c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withAllConfigOverrides(
                        o -> o.setDefaultNullHandling(JsonSetter.Value.construct(Nulls.DEFAULT, Nulls.FAIL)));
    }

    /**
     * The refusal for a body Jackson could not read: 400 {@code malformed} with the field's JSON path (prefixed with
     * {@code prefix}, e.g. {@code draft_order} when a part of the body was read on its own) and what it must be.
     */
    public static ApiException refusal(JacksonException e, String prefix) {
        String path = path(e, prefix);
        String reason = reason(e);
        if (e instanceof StreamReadException && !(e instanceof MismatchedInputException)) {
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
            if (duplicate.find()) {
                String field = join(path, duplicate.group(1));
                return new ApiException(
                        HttpStatus.BAD_REQUEST,
                        "malformed",
                        "the body names " + field + " twice; every key may appear once",
                        List.of(new ApiException.FieldError(field, "appears more than once")));
            }
            var location = e.getLocation();
            String where = location == null || location.getLineNr() < 0
                    ? ""
                    : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
            return new ApiException(
                    HttpStatus.BAD_REQUEST, "malformed", "the body is not well-formed JSON" + where, List.of());
        }
        if (path.isEmpty()) {
            return new ApiException(HttpStatus.BAD_REQUEST, "malformed", "the body " + reason, List.of());
        }
        return new ApiException(
                HttpStatus.BAD_REQUEST,
                "malformed",
                path + " " + reason,
                List.of(new ApiException.FieldError(path, reason)));
    }

    private static String path(JacksonException e, String prefix) {
        StringBuilder path = new StringBuilder(prefix == null ? "" : prefix);
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** What the value must be, in the words of the API (never a Java type). */
    private static String reason(JacksonException e) {
        if (e instanceof InvalidNullException) {
            return "must not be null";
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        Class<?> type = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (e instanceof InvalidFormatException format && format.getTargetType() != null) {
            type = format.getTargetType();
        }
        if (type == null) {
            return "has a value of the wrong type";
        }
        if (type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class
                || type == Short.class
                || type == short.class
                || type == java.math.BigInteger.class) {
            return "must be an integer such as 2 (no fraction, quotes or exponent)";
        }
        if (type == String.class || type == CharSequence.class) {
            return "must be a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == java.time.Instant.class
                || type == java.time.OffsetDateTime.class
                || type == java.time.ZonedDateTime.class) {
            return "must be a date and time in ISO 8601 with an offset, such as \"2026-12-01T10:00:00Z\"";
        }
        if (type == java.time.LocalDate.class) {
            return "must be a date such as \"2026-12-01\"";
        }
        if (type == Double.class
                || type == double.class
                || type == Float.class
                || type == float.class
                || type == java.math.BigDecimal.class) {
            return "must be a number";
        }
        if (type.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object constant : type.getEnumConstants()) {
                names.add(constant.toString().toLowerCase(java.util.Locale.ROOT));
            }
            return "must be one of " + String.join(", ", names);
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be an array";
        }
        if (JsonNode.class.isAssignableFrom(type)) {
            return "must be a JSON value";
        }
        if (Map.class.isAssignableFrom(type)
                || type.isRecord()
                || !type.getName().startsWith("java.")) {
            return "must be an object";
        }
        return "has a value of the wrong type";
    }
}
