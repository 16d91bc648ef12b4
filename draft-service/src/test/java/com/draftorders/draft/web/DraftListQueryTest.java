package com.draftorders.draft.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.draftorders.draft.persistence.DraftSearch;
import com.draftorders.messaging.web.ApiException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DraftListQueryTest {

    @Test
    void withoutParametersTheNewestFiftyDraftsOfTheStoreAreAsked() {
        var search = DraftListQuery.parse("store-a", Map.of());

        assertThat(search.storeId()).isEqualTo("store-a");
        assertThat(search.sort()).isEqualTo(DraftSearch.SortField.CREATED_AT);
        assertThat(search.ascending()).isFalse();
        assertThat(search.limit()).isEqualTo(50);
        assertThat(search.statuses()).isEmpty();
        assertThat(search.after()).isNull();
    }

    @Test
    void filtersAndSortAreParsed() {
        var search = DraftListQuery.parse(
                "store-a",
                Map.of(
                        "status", "open, invoice_sent",
                        "tag", " vip ",
                        "sort", "updated_at:asc",
                        "limit", "250",
                        "created_at_min", "2025-03-01T10:00:00+01:00"));

        assertThat(search.statuses()).containsExactly("OPEN", "INVOICE_SENT");
        assertThat(search.tag()).isEqualTo("vip");
        assertThat(search.sort()).isEqualTo(DraftSearch.SortField.UPDATED_AT);
        assertThat(search.ascending()).isTrue();
        assertThat(search.limit()).isEqualTo(250);
        assertThat(search.createdAtMin()).isEqualTo(Instant.parse("2025-03-01T09:00:00Z"));
    }

    @Test
    void aCursorRoundTripsForTheSameQueryOnly() {
        var search = DraftListQuery.parse("store-a", Map.of("tag", "vip"));
        var after = new DraftSearch.After(Instant.parse("2025-03-01T10:00:00.123Z"), "dorder_01");
        String cursor = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("1|" + DraftListQuery.fingerprint(search) + "|"
                                + after.value().toEpochMilli() + "|dorder_01")
                        .getBytes());

        assertThat(DraftListQuery.decode(search, cursor)).isEqualTo(after);
        assertThat(DraftListQuery.parse("store-a", Map.of("tag", "vip", "cursor", cursor, "limit", "5"))
                        .after())
                .isEqualTo(after);
        assertThat(DraftListQuery.decode(DraftListQuery.parse("store-a", Map.of("tag", "VIP ")), cursor))
                .isEqualTo(after);
        assertThat(DraftListQuery.decode(DraftListQuery.parse("store-a", Map.of()), cursor))
                .isNull();
        assertThat(DraftListQuery.decode(search, "%%%")).isNull();
    }

    @Test
    void aLimitOutsideOneTo250IsRefused() {
        assertThatThrownBy(() -> DraftListQuery.parse("store-a", Map.of("limit", "0")))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> assertThat(e.errors())
                                .extracting(ApiException.FieldError::field)
                                .containsExactly("limit"));
    }
}
