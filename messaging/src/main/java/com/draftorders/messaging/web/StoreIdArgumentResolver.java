package com.draftorders.messaging.web;

import com.draftorders.messaging.security.Scopes;
import java.util.regex.Pattern;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves the {@link StoreId} of a request from the {@code store_id} claim of its authenticated bearer JWT. A
 * token's store always wins. Only when security is disabled ({@code draftorders.security.enabled=false}, single
 * service tests) and the request carries no token does the store come from the {@code X-Store-Id} header (default
 * {@code dev}); the services always register the strict resolver while security is on.
 */
public class StoreIdArgumentResolver implements HandlerMethodArgumentResolver {

    /** Only read when security is disabled. */
    public static final String HEADER = "X-Store-Id";

    public static final String DEVELOPMENT_STORE = "dev";

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final boolean headerWithoutToken;
    private final KnownStores knownStores;

    /** The resolver for tests without security: the token's store, else the {@code X-Store-Id} header. */
    public StoreIdArgumentResolver() {
        this(true);
    }

    /** A resolver that accepts every well-formed store id (see the two-argument constructor). */
    public StoreIdArgumentResolver(boolean headerWithoutToken) {
        this(headerWithoutToken, store -> true);
    }

    /**
     * @param headerWithoutToken accept the {@code X-Store-Id} header when the request is not authenticated by a
     *     JWT ({@code false}: such a request is refused with 401)
     * @param knownStores the stores the service serves; another store is refused with 403 {@code unknown_store}
     */
    public StoreIdArgumentResolver(boolean headerWithoutToken, KnownStores knownStores) {
        this.headerWithoutToken = headerWithoutToken;
        this.knownStores = knownStores;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return StoreId.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt && jwt.isAuthenticated()) {
            Object claim = jwt.getToken().getClaims().get(Scopes.STORE_ID_CLAIM);
            if (!(claim instanceof String store) || !VALID.matcher(store).matches()) {
                throw new ApiException(
                        HttpStatus.FORBIDDEN,
                        "forbidden",
                        "the token has no valid " + Scopes.STORE_ID_CLAIM + " claim");
            }
            return known(store);
        }
        if (!headerWithoutToken) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized", "a bearer token is required");
        }
        String header = webRequest.getHeader(HEADER);
        if (header == null || header.isBlank()) {
            return known(DEVELOPMENT_STORE);
        }
        if (!VALID.matcher(header).matches()) {
            throw ApiException.invalid(HEADER, "must be 1-64 letters, digits, '-' or '_'");
        }
        return known(header);
    }

    private StoreId known(String store) {
        if (!knownStores.isKnown(store)) {
            throw new ApiException(
                    HttpStatus.FORBIDDEN, "unknown_store", "the store \"" + store + "\" is not known to this service");
        }
        return new StoreId(store);
    }
}
