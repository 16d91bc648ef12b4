package com.draftorders.messaging.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * REST security settings every service shares ({@code draftorders.security.*}). Production verifies bearer tokens
 * with Spring Boot's standard {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} or {@code issuer-uri};
 * without either, a development HMAC key ({@link #devSecret}) may be given; with neither, every token is refused.
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
