package com.draftorders.messaging.security;

import com.draftorders.messaging.web.KnownStores;
import com.draftorders.messaging.web.StoreId;
import com.draftorders.messaging.web.StoreIdArgumentResolver;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * REST security, configured once for every service: each route needs a bearer JWT (OAuth2 resource server) carrying
 * {@code store_id} and the route's scope, except health, info, the Prometheus scrape ({@code /actuator/prometheus}:
 * scrapers carry no JWT; keep it off the public network, e.g. with {@code management.server.port}), the public
 * invoice view, the OpenAPI document ({@code /v3/api-docs}, {@code /v3/api-docs.yaml}: it describes the API and holds
 * no data) and error dispatches. {@link RouteScopes} states the same rules as data for the OpenAPI document.
 *
 * <table>
 *   <caption>Scopes by route</caption>
 *   <tr><th>route</th><th>GET</th><th>other methods</th></tr>
 *   <tr><td>{@code /draft-orders/**}, {@code /discount-codes/**}</td><td>read_draft_orders</td>
 *       <td>write_draft_orders</td></tr>
 *   <tr><td>{@code /orders/**}, {@code /payments/**}, {@code /carts/**}</td><td>read_orders</td>
 *       <td>write_orders ({@code POST /carts/calculate} also accepts write_draft_orders: draft-service forwards
 *       the merchant's token when it asks cart-service to price a draft)</td></tr>
 *   <tr><td>anything else</td><td colspan="2">any valid token with a store</td></tr>
 * </table>
 *
 * <p>401 {@code unauthorized} without or with a bad token, 403 {@code forbidden} without the scope or the store.
 * How tokens are verified is described once, in {@link SecurityProperties}.
 */
@AutoConfiguration(
        after = OAuth2ResourceServerAutoConfiguration.class,
        before = {
            OAuth2ResourceServerWebSecurityAutoConfiguration.class,
            ManagementWebSecurityAutoConfiguration.class,
            ServletWebSecurityAutoConfiguration.class,
            SecurityAutoConfiguration.class,
            UserDetailsServiceAutoConfiguration.class
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
public class ApiSecurityAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ApiSecurityAutoConfiguration.class);
    private static final Pattern STORE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** Request attribute carrying why access was denied, for the 403 problem's detail. */
    static final String DENIAL_REASON = ApiSecurityAutoConfiguration.class.getName() + ".denial";

    /**
     * Verifies tokens with the development key, unless Boot configured a JWK set or issuer decoder. Without a key
     * either, a decoder that refuses every token: fail closed.
     */
    @Bean
    @ConditionalOnMissingBean
    JwtDecoder developmentJwtDecoder(SecurityProperties properties) {
        if (properties.devSecret() == null || properties.devSecret().isBlank()) {
            if (properties.enabled()) {
                log.warn("No JWK set, issuer or draftorders.security.dev-secret configured: every bearer token is"
                        + " refused");
            }
            return token -> {
                throw new BadJwtException("no key is configured to verify bearer tokens");
            };
        }
        log.info("Bearer tokens are verified with the development key draftorders.security.dev-secret");
        return NimbusJwtDecoder.withSecretKey(DevTokens.key(properties.devSecret()))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityFilterChain apiSecurityFilterChain(
            HttpSecurity http,
            SecurityProperties properties,
            JwtDecoder decoder,
            ObjectProvider<OAuth2ResourceServerProperties> resourceServer)
            throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        if (!properties.enabled()) {
            log.warn("draftorders.security.enabled=false: REST routes need no token (tests only)");
            return http.authorizeHttpRequests(a -> a.anyRequest().permitAll()).build();
        }
        resourceServer.ifAvailable(server -> {
            var jwt = server.getJwt();
            if (jwt.getJwkSetUri() != null || jwt.getIssuerUri() != null) {
                log.info(
                        "Bearer tokens are verified by an OpenID Connect issuer: JWK set {}, issuer {}, audiences {}",
                        jwt.getJwkSetUri() == null ? "(discovered from the issuer)" : jwt.getJwkSetUri(),
                        jwt.getIssuerUri() == null ? "(any)" : jwt.getIssuerUri(),
                        jwt.getAudiences().isEmpty() ? "(any)" : jwt.getAudiences());
            }
        });
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            String detail;
            if (e instanceof OAuth2AuthenticationException oauth) {
                String description = oauth.getError().getDescription();
                detail = "the bearer token is invalid" + (description == null ? "" : ": " + description);
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            } else {
                detail = "a bearer token is required (Authorization: Bearer <JWT>)";
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            }
            Problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", detail);
        };
        AccessDeniedHandler forbidden = (request, response, e) -> {
            Object reason = request.getAttribute(DENIAL_REASON);
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
            Problems.write(
                    request,
                    response,
                    HttpStatus.FORBIDDEN,
                    "forbidden",
                    reason == null ? "the token does not allow this request" : reason.toString());
        };
        http.authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .anyRequest()
                        .access(byRoute()))
                .oauth2ResourceServer(o -> o.jwt(j -> j.decoder(decoder))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden));
        return http.build();
    }

    /** The rules of {@link RouteScopes}, the one table of which route needs which scope (the OpenAPI documents too). */
    static AuthorizationManager<RequestAuthorizationContext> byRoute() {
        return new AuthorizationManager<>() {
            @Override
            public AuthorizationResult authorize(
                    Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
                HttpServletRequest request = context.getRequest();
                String path = request.getRequestURI()
                        .substring(request.getContextPath().length());
                return RouteScopes.anyOf(request.getMethod(), path)
                        .map(scopes -> scoped(scopes.toArray(String[]::new)).authorize(authentication, context))
                        .orElseGet(() -> new AuthorizationDecision(true));
            }
        };
    }

    /**
     * Grants a request whose JWT names a valid store and carries one of {@code anyOfScopes} (any valid store-bound
     * token when none are given); a denial records its reason for the 403 detail.
     */
    static AuthorizationManager<RequestAuthorizationContext> scoped(String... anyOfScopes) {
        List<String> scopes = List.of(anyOfScopes);
        return new AuthorizationManager<>() {
            @Override
            public AuthorizationResult authorize(
                    Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
                Authentication auth = authentication.get();
                if (!(auth instanceof JwtAuthenticationToken jwt) || !auth.isAuthenticated()) {
                    return new AuthorizationDecision(false); // anonymous: the entry point answers 401
                }
                HttpServletRequest request = context.getRequest();
                Object store = jwt.getToken().getClaims().get(Scopes.STORE_ID_CLAIM);
                if (!(store instanceof String s) || !STORE_ID.matcher(s).matches()) {
                    request.setAttribute(
                            DENIAL_REASON,
                            "the token has no valid " + Scopes.STORE_ID_CLAIM
                                    + " claim (1-64 letters, digits, '-' or '_')");
                    return new AuthorizationDecision(false);
                }
                if (scopes.isEmpty()) {
                    return new AuthorizationDecision(true);
                }
                Set<String> granted = new java.util.HashSet<>();
                for (GrantedAuthority authority : auth.getAuthorities()) {
                    granted.add(authority.getAuthority());
                }
                for (String scope : scopes) {
                    if (granted.contains("SCOPE_" + scope)) {
                        return new AuthorizationDecision(true);
                    }
                }
                request.setAttribute(
                        DENIAL_REASON,
                        "the token lacks the scope " + String.join(" or ", scopes) + " for this request");
                return new AuthorizationDecision(false);
            }
        };
    }

    /**
     * Controllers' {@link StoreId} parameters: the token's store (the {@code X-Store-Id} header only without
     * security), refused with 403 {@code unknown_store} when the service has {@link KnownStores} that do not know it.
     */
    @Bean
    WebMvcConfigurer storeIdResolution(SecurityProperties properties, ObjectProvider<KnownStores> knownStores) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                KnownStores known = knownStores.getIfAvailable(() -> store -> true);
                resolvers.add(new StoreIdArgumentResolver(!properties.enabled(), known));
            }
        };
    }

    /** Refuses oversized bodies before the security chain and before anything parses them. */
    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(SecurityProperties properties) {
        var registration = new FilterRegistrationBean<>(
                new BodySizeLimitFilter(properties.maxBodySize().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
