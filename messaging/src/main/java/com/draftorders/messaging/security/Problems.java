package com.draftorders.messaging.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;

/**
 * Writes RFC 9457 problems from servlet filters, where no controller advice runs: the same shape as
 * {@link com.draftorders.messaging.web.ApiExceptionHandler} ({@code status}, {@code title}, {@code detail},
 * {@code instance}, {@code code}).
 */
public final class Problems {

    private Problems() {}

    public static void write(
            HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code, String detail)
            throws IOException {
        write(response, status, code, detail, request.getRequestURI());
    }

    /** Writes the problem unless the response is already committed; {@code instance} may be null. */
    public static void write(
            HttpServletResponse response, HttpStatus status, String code, String detail, String instance)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json(status, code, detail, instance));
        response.flushBuffer();
    }

    /** The problem's JSON: {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance}, {@code code}. */
    public static String json(HttpStatus status, String code, String detail, String instance) {
        return "{\"type\":\"about:blank\",\"title\":" + quote(status.getReasonPhrase()) + ",\"status\":"
                + status.value() + ",\"detail\":" + quote(detail)
                + (instance == null ? "" : ",\"instance\":" + quote(instance)) + ",\"code\":" + quote(code) + "}";
    }

    static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
