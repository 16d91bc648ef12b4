package com.draftorders.messaging.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Development tokens: HS256 JWTs signed with the development secret ({@code draftorders.security.dev-secret}),
 * carrying {@code store_id} and {@code scope}. The embedded stack mints one for store {@code dev} at startup; tests
 * mint their own. Never use in production: there, tokens come from an identity provider (JWK set or issuer).
 */
public final class DevTokens {

    /** The issuer stamped on development tokens. */
    public static final String ISSUER = "draft-orders-dev";

    private static final int MIN_SECRET_LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private DevTokens() {}

    /** A fresh random secret (256 bits, base64url) for {@code draftorders.security.dev-secret}. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The HMAC-SHA256 key of a development secret (its UTF-8 bytes). */
    public static SecretKey key(String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException(
                    "draftorders.security.dev-secret must have at least " + MIN_SECRET_LENGTH + " characters");
        }
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** A token for {@code storeId} with {@code scopes}, valid from now for {@code ttl}. */
    public static String mint(String secret, String storeId, Collection<String> scopes, Duration ttl) {
        return mint(secret, storeId, scopes, Instant.now(), ttl);
    }

    /**
     * A token for {@code storeId} (no {@code store_id} claim when null) with {@code scopes}, issued at
     * {@code issuedAt}, valid for {@code ttl}.
     */
    public static String mint(
            String secret, String storeId, Collection<String> scopes, Instant issuedAt, Duration ttl) {
        var claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(storeId == null ? "anonymous" : "dev-user@" + storeId)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(ttl)))
                .claim("scope", String.join(" ", scopes));
        if (storeId != null) {
            claims.claim(Scopes.STORE_ID_CLAIM, storeId);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        try {
            jwt.sign(new MACSigner(key(secret)));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a development token", e);
        }
        return jwt.serialize();
    }
}
