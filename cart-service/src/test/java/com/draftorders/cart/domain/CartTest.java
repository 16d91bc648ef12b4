package com.draftorders.cart.domain;

import static com.draftorders.cart.domain.CartFixtures.calculator;
import static com.draftorders.cart.domain.CartFixtures.content;
import static com.draftorders.cart.domain.CartFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CartTest {

    private static final Instant CREATED = Instant.parse("2025-01-01T10:00:00Z");
    private static final Instant LOCKED = Instant.parse("2025-01-01T10:05:00Z");
    private static final Instant LATER = Instant.parse("2025-01-01T10:09:00Z");

    private final CartCalculator calculator = calculator();

    private Cart newCartAtVersion(long draftVersion) {
        Cart cart = Cart.create(
                "cart_1",
                "store_a",
                "dorder_1",
                CartType.DRAFT_ORDER,
                draftVersion,
                content().with(line("a").price(1000)).shipTo("DE").build(),
                calculator,
                DiscountCodes.NONE,
                CREATED);
        cart.pullEvents();
        return cart;
    }

    private Cart lockedCart() {
        Cart cart = newCartAtVersion(3);
        cart.lock("dorder_1", 3, 1, LOCKED);
        cart.pullEvents();
        return cart;
    }

    @Test
    void creatingACartCalculatesItAndRecordsTotalsCalculatedOnce() {
        Cart cart = Cart.create(
                "cart_1",
                "store_a",
                "dorder_1",
                CartType.DRAFT_ORDER,
                1,
                content().with(line("a").price(1000)).shipTo("DE").build(),
                calculator,
                DiscountCodes.NONE,
                CREATED);

        assertThat(cart.pullEvents()).singleElement().isInstanceOfSatisfying(CartEvent.TotalsCalculated.class, e -> {
            assertThat(e.cart().cartId()).isEqualTo("cart_1");
            assertThat(e.cart().draftOrderId()).isEqualTo("dorder_1");
            assertThat(e.cart().draftVersion()).isEqualTo(1);
            // 1000 + 19% = 1190
            assertThat(e.cart().calculation().totals().totalPrice()).isEqualTo(1190);
        });
        assertThat(cart.pullEvents()).isEmpty();
        assertThat(cart.revision()).isEqualTo(1);
        assertThat(cart.isLocked()).isFalse();
    }

    @Test
    void aNewerDraftVersionReplacesTheContentAndRecordsTotalsCalculated() {
        Cart cart = newCartAtVersion(1);

        ReplaceOutcome outcome =
                cart.replaceContent(2, content().with(line("a").price(2000)).build(), calculator);

        assertThat(outcome).isEqualTo(new ReplaceOutcome.Replaced(2));
        assertThat(cart.draftVersion()).isEqualTo(2);
        assertThat(cart.calculation().totals().totalPrice()).isEqualTo(2000);
        assertThat(cart.pullEvents())
                .singleElement()
                .isInstanceOfSatisfying(
                        CartEvent.TotalsCalculated.class,
                        e -> assertThat(e.cart().draftVersion()).isEqualTo(2));
        assertThat(cart.revision()).isEqualTo(2);
    }

    @Test
    void theSameOrAnOlderDraftVersionChangesNothing() {
        Cart cart = newCartAtVersion(5);
        CartCalculation before = cart.calculation();

        assertThat(cart.replaceContent(5, content().with(line("a").price(1)).build(), calculator))
                .isEqualTo(new ReplaceOutcome.Stale(5, 5));
        assertThat(cart.replaceContent(4, content().with(line("a").price(1)).build(), calculator))
                .isEqualTo(new ReplaceOutcome.Stale(5, 4));

        assertThat(cart.calculation()).isEqualTo(before);
        assertThat(cart.pullEvents()).isEmpty();
        assertThat(cart.revision()).isEqualTo(1);
    }

    @Test
    void aLockedCartRefusesNewContent() {
        Cart cart = lockedCart();
        CartCalculation before = cart.calculation();

        ReplaceOutcome outcome =
                cart.replaceContent(4, content().with(line("a").price(1)).build(), calculator);

        assertThat(outcome).isEqualTo(new ReplaceOutcome.RefusedLocked(new CartLock("dorder_1", 3, 1, LOCKED), 4));
        assertThat(cart.calculation()).isEqualTo(before);
        assertThat(cart.draftVersion()).isEqualTo(3);
        assertThat(cart.pullEvents()).isEmpty();
    }

    @Test
    void invalidNewContentLeavesTheCartAsItWas() {
        Cart cart = newCartAtVersion(1);
        CartCalculation before = cart.calculation();

        assertThatThrownBy(() -> cart.replaceContent(
                        2, content().with(line("a").quantity(0)).build(), calculator))
                .isInstanceOf(InvalidCartContentException.class);

        assertThat(cart.draftVersion()).isEqualTo(1);
        assertThat(cart.calculation()).isEqualTo(before);
        assertThat(cart.pullEvents()).isEmpty();
    }

    @Test
    void lockingAtTheCurrentVersionFreezesTheCartAndRecordsCartLockedWithTheAttempt() {
        Cart cart = newCartAtVersion(3);

        LockOutcome outcome = cart.lock("dorder_1", 3, 2, LOCKED);

        assertThat(outcome).isEqualTo(new LockOutcome.Locked(new CartLock("dorder_1", 3, 2, LOCKED)));
        assertThat(cart.isLocked()).isTrue();
        assertThat(cart.pullEvents()).singleElement().isInstanceOfSatisfying(CartEvent.Locked.class, e -> {
            assertThat(e.attempt()).isEqualTo(2);
            assertThat(e.cart()).isEqualTo(cart.snapshot());
            assertThat(e.cart().draftVersion()).isEqualTo(3);
        });
        assertThat(cart.revision()).isEqualTo(2);
    }

    @Test
    void lockingAgainAtTheSameVersionRecordsNothing() {
        Cart cart = lockedCart();

        assertThat(cart.lock("dorder_1", 3, 1, LOCKED))
                .isEqualTo(new LockOutcome.AlreadyLocked(new CartLock("dorder_1", 3, 1, LOCKED)));
        assertThat(cart.lock("dorder_1", 3, 2, LOCKED)).isInstanceOf(LockOutcome.AlreadyLocked.class);

        assertThat(cart.pullEvents()).isEmpty();
        assertThat(cart.lockState().attempt()).isEqualTo(1);
        assertThat(cart.revision()).isEqualTo(2);
    }

    @Test
    void lockingAtAnotherVersionIsRejectedWithTheReasonAndChangesNothing() {
        Cart cart = newCartAtVersion(4);

        LockOutcome outcome = cart.lock("dorder_1", 3, 1, LOCKED);

        assertThat(outcome).isEqualTo(new LockOutcome.Rejected("cart is at draft version 4, completion asked for 3"));
        assertThat(cart.isLocked()).isFalse();
        assertThat(cart.pullEvents()).isEmpty();
        assertThat(cart.revision()).isEqualTo(1);
    }

    @Test
    void aLockedCartAskedForAnotherVersionIsRejected() {
        Cart cart = lockedCart();

        assertThat(cart.lock("dorder_1", 5, 2, LOCKED))
                .isEqualTo(new LockOutcome.Rejected("cart is at draft version 3, completion asked for 5"));
        assertThat(cart.lockState()).isEqualTo(new CartLock("dorder_1", 3, 1, LOCKED));
        assertThat(cart.pullEvents()).isEmpty();
    }

    @Test
    void anotherDraftCannotLockTheCart() {
        Cart cart = newCartAtVersion(3);

        assertThat(cart.lock("dorder_2", 3, 1, LOCKED))
                .isEqualTo(new LockOutcome.Rejected("cart belongs to draft order dorder_1, not dorder_2"));
        assertThat(cart.isLocked()).isFalse();
    }

    @Test
    void unlockingReleasesTheLockAndRecordsCartUnlocked() {
        Cart cart = lockedCart();

        UnlockOutcome outcome = cart.unlock(1, LATER);

        assertThat(outcome).isEqualTo(new UnlockOutcome.Unlocked(new CartLock("dorder_1", 3, 1, LOCKED)));
        assertThat(cart.isLocked()).isFalse();
        assertThat(cart.pullEvents()).containsExactly(new CartEvent.Unlocked("cart_1", "dorder_1", 1));
        assertThat(cart.revision()).isEqualTo(3);
    }

    @Test
    void unlockingAnUnlockedCartRecordsNothing() {
        Cart cart = newCartAtVersion(1);

        assertThat(cart.unlock(1, LATER)).isEqualTo(new UnlockOutcome.NotLocked());
        assertThat(cart.pullEvents()).isEmpty();
        assertThat(cart.revision()).isEqualTo(1);
    }

    @Test
    void aLateUnlockFromAnEarlierAttemptLeavesTheLaterAttemptsLock() {
        Cart cart = newCartAtVersion(3);
        cart.lock("dorder_1", 3, 2, LOCKED);
        cart.pullEvents();

        assertThat(cart.unlock(1, LATER))
                .isEqualTo(new UnlockOutcome.HeldByLaterAttempt(new CartLock("dorder_1", 3, 2, LOCKED), 1));
        assertThat(cart.isLocked()).isTrue();
        assertThat(cart.pullEvents()).isEmpty();
    }

    @Test
    void afterAnUnlockTheCartFollowsTheDraftAgainAndCanBeLockedByTheNextAttempt() {
        Cart cart = lockedCart();
        cart.unlock(1, LATER);

        assertThat(cart.replaceContent(4, content().with(line("a").price(500)).build(), calculator))
                .isEqualTo(new ReplaceOutcome.Replaced(4));
        assertThat(cart.lock("dorder_1", 4, 2, LOCKED)).isInstanceOf(LockOutcome.Locked.class);

        assertThat(cart.pullEvents())
                .extracting(Object::getClass)
                .containsExactly(CartEvent.Unlocked.class, CartEvent.TotalsCalculated.class, CartEvent.Locked.class);
    }

    @Test
    void aDefaultCartWithoutADraftCanBeLockedByTheDraftThatAsks() {
        Cart cart = Cart.create(
                "cart_2",
                "store_a",
                null,
                CartType.DEFAULT,
                1,
                content().with(line("a")).build(),
                calculator,
                DiscountCodes.NONE,
                CREATED);

        assertThat(cart.lock("dorder_9", 1, 1, LOCKED)).isInstanceOf(LockOutcome.Locked.class);
        assertThat(cart.unlock(1, LATER)).isInstanceOf(UnlockOutcome.Unlocked.class);
        assertThat(cart.pullEvents()).last().isEqualTo(new CartEvent.Unlocked("cart_2", "dorder_9", 1));
    }

    @Test
    void restoringACartRecordsNothing() {
        Cart original = newCartAtVersion(2);

        Cart restored = Cart.restore(new Cart.State(
                "cart_1",
                "store_a",
                "dorder_1",
                CartType.DRAFT_ORDER,
                2,
                original.calculation(),
                new CartLock("dorder_1", 2, 1, LOCKED),
                7,
                CREATED,
                LATER));

        assertThat(restored.pullEvents()).isEmpty();
        assertThat(restored.isLocked()).isTrue();
        assertThat(restored.revision()).isEqualTo(7);
    }

    @Test
    void everyChangeStampsTheCartAndTheLockRemembersWhenItWasTaken() {
        Cart cart = newCartAtVersion(3);
        assertThat(cart.state().createdAt()).isEqualTo(CREATED);
        assertThat(cart.state().updatedAt()).isEqualTo(CREATED);

        cart.lock("dorder_1", 3, 1, LOCKED);
        assertThat(cart.lockState().lockedAt()).isEqualTo(LOCKED);
        assertThat(cart.state().updatedAt()).isEqualTo(LOCKED);

        cart.lock("dorder_1", 3, 1, LATER);
        assertThat(cart.state().updatedAt()).as("a lock that changes nothing").isEqualTo(LOCKED);

        cart.unlock(1, LATER);
        assertThat(cart.state().updatedAt()).isEqualTo(LATER);
        assertThat(cart.state().createdAt()).isEqualTo(CREATED);
    }
}
