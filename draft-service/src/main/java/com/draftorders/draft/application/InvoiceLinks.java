package com.draftorders.draft.application;

import com.draftorders.draft.DraftProperties;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Signed links to the public invoice view: {@code <base url>/invoices/<draft id>?token=<store>.<expiry>.<signature>}
 * where the signature is HMAC-SHA256 over store id, draft id and expiry (epoch seconds), base64url without padding.
 * The link names its store (store ids contain no dots) so the public view needs no other credentials; changing any
 * part of it, or using it after its expiry, makes it invalid.
 */
@Component
public class InvoiceLinks {

    private static final Logger log = LoggerFactory.getLogger(InvoiceLinks.class);
    private static final int MIN_SECRET_BYTES = 32;
    private static final int MAX_TOKEN = 512;

    private final String baseUrl;
    private final byte[] key;
    private final Duration lifetime;

    @Autowired
    public InvoiceLinks(DraftProperties properties) {
        this(
                properties.invoice().baseUrl(),
                key(properties.invoice().secret()),
                properties.invoice().lifetime());
    }

    public InvoiceLinks(String baseUrl, byte[] key, Duration lifetime) {
        if (key.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException(
                    "draftorders.drafts.invoice.secret must have at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.key = key.clone();
        this.lifetime = lifetime;
    }

    private static byte[] key(String secret) {
        if (secret == null || secret.isBlank()) {
            log.warn("draftorders.drafts.invoice.secret is not set: invoice links are signed with a random key that"
                    + " changes at every start and differs between instances; set it in production");
            byte[] random = new byte[MIN_SECRET_BYTES];
            new SecureRandom().nextBytes(random);
            return random;
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    /** A signed link and until when it is valid. */
    public record Link(String url, Instant expiresAt) {}

    public Link linkFor(String storeId, String draftId, Instant now) {
        Instant expiresAt = now.plus(lifetime).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return new Link(baseUrl + "/invoices/" + draftId + "?token=" + token(storeId, draftId, expiresAt), expiresAt);
    }

    String token(String storeId, String draftId, Instant expiresAt) {
        long expiry = expiresAt.getEpochSecond();
        return storeId + "." + expiry + "." + signature(storeId, draftId, expiry);
    }

    /** The store the token was issued by, when it is a valid, unexpired token for {@code draftId}. */
    public Optional<String> verify(String draftId, String token, Instant now) {
        if (token == null || token.length() > MAX_TOKEN || draftId == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || !parts[1].matches("\\d{1,12}")) {
            return Optional.empty();
        }
        long expiry = Long.parseLong(parts[1]);
        byte[] expected = signature(parts[0], draftId, expiry).getBytes(StandardCharsets.US_ASCII);
        byte[] given = parts[2].getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given) || now.getEpochSecond() >= expiry) {
            return Optional.empty();
        }
        return Optional.of(parts[0]);
    }

    private String signature(String storeId, String draftId, long expiry) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signed = mac.doFinal((storeId + "\n" + draftId + "\n" + expiry).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
