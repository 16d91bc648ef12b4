package com.draftorders.messaging.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * REST security settings every service shares ({@code draftorders.security.*}), and the one description of how
 * bearer tokens are verified, first match wins:
 *
 * <ol>
 *   <li>by an OpenID Connect issuer, with Spring Boot's own typed settings
 *       ({@code spring.security.oauth2.resourceserver.jwt.*}, {@code OAuth2ResourceServerProperties}):
 *       {@code jwk-set-uri} where the issuer's signing keys are fetched, {@code issuer-uri} the {@code iss} every
 *       token must carry (given alone, the keys are discovered from it at the first request), {@code audiences} of
 *       which {@code aud} must name one. docker-compose.yml sets all three for its Keycloak realm; a production
 *       deployment points them at its identity provider. Tokens must carry {@code store_id} and {@code scope};
 *   <li>else with the development HMAC key {@link #devSecret} (the embedded stack's);
 *   <li>else not at all: every token is refused (fail closed).
 * </ol>
 *
 * @param enabled require bearer tokens; {@code false} only for tests of a single service, where the store then
 *     comes from the {@code X-Store-Id} header (default {@code dev})
 * @param devSecret development signing key (HMAC-SHA256, at least 32 characters) used when no JWK set or issuer is
 *     configured; the embedded stack generates one at startup and mints a token with {@link DevTokens}
 * @param maxBodySize largest request body accepted; larger ones are refused with 413 before being read whole
 */
@ConfigurationProperties("draftorders.security")
public record SecurityProperties(
        @DefaultValue("true") boolean enabled,
        String devSecret,
        @DefaultValue("1MB") DataSize maxBodySize) {}
