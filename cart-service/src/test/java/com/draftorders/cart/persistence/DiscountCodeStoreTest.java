package com.draftorders.cart.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.draftorders.cart.domain.DiscountCode;
import com.draftorders.cart.domain.DiscountCodes;
import com.draftorders.cart.domain.DiscountType;
import com.draftorders.messaging.testing.WorkTestbed;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Discount rules in MongoDB, and the cache cart calculations read them through. */
class DiscountCodeStoreTest {

    private static final Duration TTL = Duration.ofSeconds(5);
    private static final Instant MONDAY = Instant.parse("2026-06-01T12:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-06-02T12:00:00Z");

    private static WorkTestbed testbed;

    private final AtomicLong nanos = new AtomicLong();
    /** This instance of cart-service. */
    private DiscountCodeStore store;
    /** Another instance of cart-service on the same database. */
    private DiscountCodeStore otherInstance;

    @BeforeAll
    static void start() {
        testbed = new WorkTestbed("carts");
    }

    @AfterAll
    static void stop() {
        testbed.close();
    }

    @BeforeEach
    void clear() {
        testbed.clear();
        store = new DiscountCodeStore(testbed.database, TTL, nanos::get);
        store.createIndexes();
        otherInstance = new DiscountCodeStore(testbed.database, TTL, nanos::get);
    }

    private static DiscountCode percentOff(String code, String percent) {
        return new DiscountCode(
                code,
                "Sale",
                "Everything",
                DiscountType.PERCENTAGE,
                new BigDecimal(percent),
                null,
                null,
                null,
                null,
                null);
    }

    private static Optional<BigDecimal> percentageFor(DiscountCodeStore store, String code) {
        DiscountCodes codes = store.forStore("store_a", List.of(code));
        return codes.find(DiscountCode.normalize(code)).map(DiscountCode::percentage);
    }

    @Test
    void aRuleIsStoredWithEveryFieldAndItsTimes() {
        DiscountCode rule = new DiscountCode(
                "Summer10",
                "Summer sale",
                "5 off from 20",
                DiscountType.FIXED_AMOUNT,
                null,
                500L,
                "EUR",
                Instant.parse("2026-06-01T00:00:00Z"),
                Instant.parse("2026-09-01T00:00:00Z"),
                2000L);

        DiscountCodeStore.Put put = store.put("store_a", rule, MONDAY);

        assertThat(put.created()).isTrue();
        assertThat(store.find("store_a", "SUMMER10"))
                .contains(new DiscountCodeStore.StoredDiscountCode(rule, MONDAY, MONDAY))
                .contains(put.stored());
    }

    @Test
    void aPutOfTheSameCodeInAnotherCaseReplacesTheRuleAndKeepsWhenItWasCreated() {
        store.put("store_a", percentOff("Summer10", "10"), MONDAY);
        DiscountCode replacement = new DiscountCode(
                "SUMMER10", "Summer", null, DiscountType.FIXED_AMOUNT, null, 500L, "EUR", null, null, null);

        DiscountCodeStore.Put put = store.put("store_a", replacement, TUESDAY);

        assertThat(put.created()).isFalse();
        assertThat(put.stored()).isEqualTo(new DiscountCodeStore.StoredDiscountCode(replacement, MONDAY, TUESDAY));
        assertThat(store.find("store_a", "summer10")).contains(put.stored());
        assertThat(store.list("store_a")).containsExactly(put.stored());
    }

    @Test
    void aStoresRulesAreListedByCodeAndDeletedOnce() {
        store.put("store_a", percentOff("b-code", "5"), MONDAY);
        store.put("store_a", percentOff("A-CODE", "5"), MONDAY);
        store.put("store_b", percentOff("C", "5"), MONDAY);

        assertThat(store.list("store_a")).extracting(s -> s.rule().code()).containsExactly("A-CODE", "b-code");
        assertThat(store.delete("store_a", "a-code")).isTrue();
        assertThat(store.delete("store_a", "a-code")).isFalse();
        assertThat(store.list("store_a")).extracting(s -> s.rule().code()).containsExactly("b-code");
    }

    @Test
    void anotherStoresRuleIsNeverReachedNotEvenThroughAnIdLikeCode() {
        store.put("store_a:X", percentOff("SAVE", "10"), MONDAY); // stored as "store_a:X:SAVE"

        assertThat(store.find("store_a", "x:SAVE")).isEmpty();
        assertThat(store.delete("store_a", "x:SAVE")).isFalse();
        assertThat(store.forStore("store_a", List.of("x:SAVE")).find("X:SAVE")).isEmpty();
        assertThat(store.find("store_a:X", "save")).isPresent();
    }

    @Test
    void aRuleChangedThroughThisInstanceAppliesToItsNextCalculationAtOnce() {
        assertThat(percentageFor(store, "SAVE")).isEmpty();

        store.put("store_a", percentOff("SAVE", "10"), MONDAY);
        assertThat(percentageFor(store, "SAVE")).contains(BigDecimal.TEN);

        store.put("store_a", percentOff("SAVE", "20"), MONDAY);
        assertThat(percentageFor(store, "SAVE")).contains(new BigDecimal("20"));

        store.delete("store_a", "SAVE");
        assertThat(percentageFor(store, "SAVE")).isEmpty();
    }

    @Test
    void aRuleChangedThroughAnotherInstanceAppliesHereOnceTheCacheTimeIsUp() {
        otherInstance.put("store_a", percentOff("SAVE", "10"), MONDAY);
        assertThat(percentageFor(store, "SAVE")).contains(BigDecimal.TEN);
        assertThat(percentageFor(store, "LATER")).isEmpty();

        otherInstance.put("store_a", percentOff("SAVE", "20"), MONDAY);
        otherInstance.put("store_a", percentOff("LATER", "5"), MONDAY);
        nanos.addAndGet(TTL.toNanos() - 1);
        assertThat(percentageFor(store, "SAVE")).as("still cached").contains(BigDecimal.TEN);
        assertThat(percentageFor(store, "LATER")).as("still cached as missing").isEmpty();

        nanos.addAndGet(1);
        assertThat(percentageFor(store, "SAVE")).contains(new BigDecimal("20"));
        assertThat(percentageFor(store, "LATER")).contains(new BigDecimal("5"));
    }

    @Test
    void withoutACacheTimeEveryCalculationReadsTheRules() {
        DiscountCodeStore uncached = new DiscountCodeStore(testbed.database, Duration.ZERO, nanos::get);
        assertThat(percentageFor(uncached, "SAVE")).isEmpty();

        otherInstance.put("store_a", percentOff("SAVE", "10"), MONDAY);

        assertThat(percentageFor(uncached, "SAVE")).contains(BigDecimal.TEN);
    }

    @Test
    void rulesAreReadOnlyWhenACalculationAsksForOne() {
        DiscountCodeStore unreachable;
        try (WorkTestbed gone = new WorkTestbed("carts")) {
            unreachable = new DiscountCodeStore(gone.database, TTL, nanos::get);
        }

        DiscountCodes codes = unreachable.forStore("store_a", List.of("SAVE"));

        assertThat(unreachable.forStore("store_a", List.of())).isSameAs(DiscountCodes.NONE);
        assertThatThrownBy(() -> codes.find("SAVE")).isInstanceOf(RuntimeException.class);
    }
}
