package com.draftorders.draft.web;

import com.draftorders.messaging.security.Scopes;
import com.draftorders.messaging.web.KnownStores;
import com.draftorders.messaging.web.StoreIdArgumentResolver;
import graphql.schema.DataFetchingEnvironment;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who sends a GraphQL request: the store (the token's {@code store_id}; without security, {@code X-Store-Id} or
 * {@code dev}, as on REST), the scopes the token carries, and the {@code Authorization} header (forwarded to
 * cart-service by draftOrderCalculate). The security filter chain has already refused a request without a valid
 * store-bound token; the scopes are checked per field, so a missing scope is an error naming it.
 *
 * @param refusal why the request may not act for a store (an unknown store), or null
 */
record GraphQlCaller(String storeId, Set<String> scopes, boolean allScopes, String authorization, String refusal) {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    static GraphQlCaller of(HttpHeaders headers, boolean securityEnabled, KnownStores knownStores) {
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt && jwt.isAuthenticated()) {
            Object claim = jwt.getToken().getClaims().get(Scopes.STORE_ID_CLAIM);
            Set<String> scopes = jwt.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority)
                    .filter(a -> a.startsWith("SCOPE_"))
                    .map(a -> a.substring("SCOPE_".length()))
                    .collect(Collectors.toSet());
            if (!(claim instanceof String store) || !VALID.matcher(store).matches()) {
                return new GraphQlCaller(
                        null,
                        scopes,
                        false,
                        authorization,
                        "the token has no valid " + Scopes.STORE_ID_CLAIM + " claim");
            }
            return known(store, scopes, false, authorization, knownStores);
        }
        if (securityEnabled) {
            return new GraphQlCaller(null, Set.of(), false, authorization, "a bearer token is required");
        }
        String header = headers.getFirst(StoreIdArgumentResolver.HEADER);
        String store = header == null || header.isBlank() ? StoreIdArgumentResolver.DEVELOPMENT_STORE : header.trim();
        if (!VALID.matcher(store).matches()) {
            return new GraphQlCaller(
                    null, Set.of(), true, authorization, "X-Store-Id must be 1-64 letters, digits, '-' or '_'");
        }
        return known(store, Set.of(), true, authorization, knownStores);
    }

    private static GraphQlCaller known(
            String store, Set<String> scopes, boolean all, String authorization, KnownStores knownStores) {
        if (!knownStores.isKnown(store)) {
            return new GraphQlCaller(
                    null, scopes, all, authorization, "the store \"" + store + "\" is not known to this service");
        }
        return new GraphQlCaller(store, scopes, all, authorization, null);
    }

    /** The caller of the request {@code env} belongs to. */
    static GraphQlCaller of(DataFetchingEnvironment env) {
        GraphQlCaller caller = env.getGraphQlContext().get(GraphQlCaller.class);
        if (caller == null) {
            throw new GraphQlProblem(ErrorType.UNAUTHORIZED, "UNAUTHORIZED", "the request has no caller");
        }
        return caller;
    }

    /**
     * The store to act for, when the token carries {@code scope} (Shopify's wording: "Access denied for
     * draftOrderCreate field. Required access: `write_draft_orders` access scope.").
     */
    String storeFor(String scope, DataFetchingEnvironment env) {
        if (refusal != null) {
            throw new GraphQlProblem(ErrorType.FORBIDDEN, "FORBIDDEN", refusal);
        }
        if (!allScopes && !scopes.contains(scope)) {
            throw new GraphQlProblem(
                            ErrorType.FORBIDDEN,
                            "ACCESS_DENIED",
                            "Access denied for " + env.getField().getName() + " field. Required access: `" + scope
                                    + "` access scope.")
                    .with("requiredAccess", scope);
        }
        return storeId;
    }
}
