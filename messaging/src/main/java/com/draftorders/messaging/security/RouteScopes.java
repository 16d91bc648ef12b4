package com.draftorders.messaging.security;

import java.util.List;
import java.util.Optional;

/**
 * Which route needs which scope: the one table the security filter chain ({@link ApiSecurityAutoConfiguration})
 * enforces and the OpenAPI documents describe. Each service's {@code OpenApiDocumentTest} checks the documented
 * scopes against the running filter chain.
 */
public final class RouteScopes {

    /** Routes anyone may call without a token (GET only). */
    public static final List<String> OPEN_PATHS = List.of(
            "/actuator/health",
            "/actuator/health/**",
            "/actuator/info",
            "/actuator/prometheus",
            "/graphiql",
            "/graphiql/**",
            "/invoices/**",
            "/v3/api-docs",
            "/v3/api-docs/**",
            "/v3/api-docs.yaml");

    private RouteScopes() {}

    /**
     * The scopes of which a token needs one to call {@code method} on {@code path} (a path template such as
     * {@code /orders/{id}}); an empty list means any valid token with a store; empty when no token is needed.
     */
    public static Optional<List<String>> anyOf(String method, String path) {
        boolean read = "GET".equalsIgnoreCase(method);
        if (read && OPEN_PATHS.stream().anyMatch(open -> matches(open, path))) {
            return Optional.empty();
        }
        if (under(path, "/draft-orders") || under(path, "/discount-codes")) {
            return Optional.of(List.of(read ? Scopes.READ_DRAFT_ORDERS : Scopes.WRITE_DRAFT_ORDERS));
        }
        if ("POST".equalsIgnoreCase(method) && path.equals("/carts/calculate")) {
            return Optional.of(List.of(Scopes.WRITE_ORDERS, Scopes.WRITE_DRAFT_ORDERS));
        }
        if (under(path, "/orders") || under(path, "/carts") || under(path, "/payments")) {
            return Optional.of(List.of(read ? Scopes.READ_ORDERS : Scopes.WRITE_ORDERS));
        }
        return Optional.of(List.of());
    }

    private static boolean under(String path, String root) {
        return path.equals(root) || path.startsWith(root + "/");
    }

    private static boolean matches(String pattern, String path) {
        return pattern.endsWith("/**") ? under(path, pattern.substring(0, pattern.length() - 3)) : pattern.equals(path);
    }
}
