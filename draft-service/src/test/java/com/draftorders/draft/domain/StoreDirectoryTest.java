package com.draftorders.draft.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreDirectoryTest {

    private final StoreDirectory directory =
            new StoreDirectory(List.of("dev", "shop_1", "test-*"), Map.of("kiosk", List.of("shop_1")));

    @Test
    void listedStoresAndStoresMatchingAPrefixAreKnown() {
        assertThat(directory.isKnown("dev")).isTrue();
        assertThat(directory.isKnown("shop_1")).isTrue();
        assertThat(directory.isKnown("test-42")).isTrue();
        assertThat(directory.isKnown("shop_2")).isFalse();
        assertThat(directory.isKnown("test"))
                .as("the prefix itself without the dash")
                .isFalse();
        assertThat(directory.isKnown("")).isFalse();
        assertThat(directory.isKnown(null)).isFalse();
    }

    @Test
    void aRequestForAnUnknownStoreIsRefusedWithUnknownStoreNamingTheMetadataField() {
        assertThat(directory.admit("shop_2", "phone")).hasValueSatisfying(rejection -> {
            assertThat(rejection.code()).isEqualTo(RequestRejection.UNKNOWN_STORE);
            assertThat(rejection.field()).isEqualTo("metadata.store_id");
            assertThat(rejection.message()).isEqualTo("store \"shop_2\" is not known");
        });
    }

    @Test
    void anUnknownStoreIsRefusedAsUnknownEvenForARestrictedChannel() {
        assertThat(directory.admit("shop_2", "kiosk"))
                .hasValueSatisfying(
                        rejection -> assertThat(rejection.code()).isEqualTo(RequestRejection.UNKNOWN_STORE));
    }

    @Test
    void aRestrictedChannelMayWriteOnlyForItsStores() {
        assertThat(directory.admit("shop_1", "kiosk")).isEmpty();
        assertThat(directory.admit("dev", "kiosk")).hasValueSatisfying(rejection -> {
            assertThat(rejection.code()).isEqualTo(RequestRejection.STORE_NOT_ALLOWED);
            assertThat(rejection.message()).isEqualTo("channel \"kiosk\" may not write for store \"dev\"");
        });
    }

    @Test
    void aChannelWithoutAnAllowListMayWriteForEveryKnownStore() {
        assertThat(directory.admit("dev", "phone")).isEmpty();
        assertThat(directory.admit("shop_1", "phone")).isEmpty();
        assertThat(directory.admit("test-7", "phone")).isEmpty();
    }

    @Test
    void aStarAloneAdmitsEveryStore() {
        var open = StoreDirectory.of("*");

        assertThat(open.isKnown("anything")).isTrue();
        assertThat(open.admit("anything", "phone")).isEmpty();
    }

    @Test
    void anOverlongUnknownStoreIdIsNotEchoedInFull() {
        String huge = "x".repeat(10_000);

        assertThat(directory.admit(huge, "phone"))
                .hasValueSatisfying(rejection -> assertThat(rejection.message()).hasSizeLessThan(100));
    }
}
