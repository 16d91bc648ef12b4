package com.draftorders.draft.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InvoiceLinksTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    final InvoiceLinks links = new InvoiceLinks("https://shop.test/", KEY, Duration.ofDays(30));

    private static String tokenOf(String url) {
        return url.substring(url.indexOf("token=") + "token=".length());
    }

    @Test
    void aLinkPointsAtTheInvoiceOfTheDraftAndExpiresAfterTheLifetime() {
        var link = links.linkFor("store-a", "dorder_1", NOW);

        assertThat(link.url()).startsWith("https://shop.test/invoices/dorder_1?token=store-a.");
        assertThat(link.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(30)));
        assertThat(links.verify("dorder_1", tokenOf(link.url()), NOW.plus(Duration.ofDays(29))))
                .contains("store-a");
    }

    @Test
    void anExpiredTokenIsInvalid() {
        String token = tokenOf(links.linkFor("store-a", "dorder_1", NOW).url());

        assertThat(links.verify("dorder_1", token, NOW.plus(Duration.ofDays(30))))
                .isEmpty();
    }

    @Test
    void aTokenIsValidOnlyForItsDraftItsStoreItsExpiryAndItsKey() {
        String token = tokenOf(links.linkFor("store-a", "dorder_1", NOW).url());
        String[] parts = token.split("\\.");
        var otherKey = new InvoiceLinks(
                "https://shop.test",
                "another-key-another-key-another-key".getBytes(StandardCharsets.UTF_8),
                Duration.ofDays(30));

        assertThat(links.verify("dorder_2", token, NOW)).isEmpty();
        assertThat(links.verify("dorder_1", "store-b." + parts[1] + "." + parts[2], NOW))
                .isEmpty();
        assertThat(links.verify("dorder_1", parts[0] + "." + (Long.parseLong(parts[1]) + 86400) + "." + parts[2], NOW))
                .isEmpty();
        assertThat(otherKey.verify("dorder_1", token, NOW)).isEmpty();
        assertThat(links.verify("dorder_1", null, NOW)).isEmpty();
        assertThat(links.verify("dorder_1", "a.b", NOW)).isEmpty();
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new InvoiceLinks("https://shop.test", new byte[16], Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
