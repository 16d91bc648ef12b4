package com.draftorders.messaging.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A refusal with an HTTP status, a machine-readable code and field errors, rendered as an RFC 9457 problem:
 * {@code {"status":422,"code":"invalid","detail":"...","errors":[{"field":"line_items[0].quantity","reason":"..."}]}}.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<FieldError> errors;
    private final Map<String, String> headers;

    public ApiException(HttpStatus status, String code, String detail, List<FieldError> errors) {
        this(status, code, detail, errors, Map.of());
    }

    private ApiException(
            HttpStatus status, String code, String detail, List<FieldError> errors, Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    /** The same refusal with a response header, e.g. {@code Retry-After} on a 409 that will pass shortly. */
    public ApiException withHeader(String name, String value) {
        var more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiException(status, code, getMessage(), errors, more);
    }

    public Map<String, String> headers() {
        return headers;
    }

    public ApiException(HttpStatus status, String code, String detail) {
        this(status, code, detail, List.of());
    }

    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "not_found", what + " not found");
    }

    public static ApiException conflict(String code, String detail) {
        return new ApiException(HttpStatus.CONFLICT, code, detail);
    }

    public static ApiException invalid(List<FieldError> errors) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid", "the request has invalid fields", errors);
    }

    public static ApiException invalid(String field, String reason) {
        return invalid(List.of(new FieldError(field, reason)));
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** One invalid field: its JSON path (snake_case) and why. */
    public record FieldError(String field, String reason) {}
}
