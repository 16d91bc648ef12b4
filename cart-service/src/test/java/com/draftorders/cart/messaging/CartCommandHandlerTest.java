package com.draftorders.cart.messaging;

import static com.draftorders.cart.support.AvroFixtures.CORRELATION;
import static com.draftorders.cart.support.AvroFixtures.STORE;
import static com.draftorders.cart.support.AvroFixtures.command;
import static com.draftorders.cart.support.AvroFixtures.fixedAmount;
import static com.draftorders.cart.support.AvroFixtures.mug;
import static com.draftorders.cart.support.AvroFixtures.mugsToGermany;
import static com.draftorders.cart.support.AvroFixtures.percentage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.draftorders.avro.cart.CartEventEnvelope;
import com.draftorders.avro.cart.CartLockRejected;
import com.draftorders.avro.cart.CartLocked;
import com.draftorders.avro.cart.CartTotalsCalculated;
import com.draftorders.avro.cart.CartType;
import com.draftorders.avro.cart.CartUnlocked;
import com.draftorders.avro.cart.CreateCart;
import com.draftorders.avro.cart.LockCart;
import com.draftorders.avro.cart.ReplaceCartContent;
import com.draftorders.avro.cart.UnlockCart;
import com.draftorders.avro.common.CartContent;
import com.draftorders.avro.common.CartSnapshot;
import com.draftorders.avro.common.LineItem;
import com.draftorders.avro.common.TaxLine;
import com.draftorders.avro.common.Totals;
import com.draftorders.cart.domain.Cart;
import com.draftorders.cart.domain.CartFixtures;
import com.draftorders.cart.domain.DiscountCode;
import com.draftorders.cart.domain.DiscountType;
import com.draftorders.cart.persistence.Carts;
import com.draftorders.cart.persistence.DiscountCodeStore;
import com.draftorders.cart.support.PlainAvroCodec;
import com.draftorders.messaging.IncomingMessage;
import com.draftorders.messaging.InvalidMessageException;
import com.draftorders.messaging.MessageFactory;
import com.draftorders.messaging.OutgoingMessage;
import com.draftorders.messaging.Subscription;
import com.draftorders.messaging.testing.WorkTestbed;
import com.draftorders.messaging.work.UnitOfWork.Outcome;
import com.draftorders.schemas.Topics;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The handler with real storage: commands are delivered through the service's own subscription to a unit of work on
 * the embedded MongoDB-protocol server, and the tests read the stored carts, and the cart-events left in their
 * outboxes and in receipts (no relay runs, so every message is still there to inspect).
 */
class CartCommandHandlerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T10:00:01.123456Z"), ZoneOffset.UTC);
    private static final PlainAvroCodec CODEC = new PlainAvroCodec();
    private static final CartMessagingConfiguration WIRING = new CartMessagingConfiguration();
    private static final Carts CARTS = WIRING.carts(new MessageFactory(CODEC, "cart-service", CLOCK));

    private static WorkTestbed testbed;
    private DiscountCodeStore discountCodes;
    private Subscription subscription;

    @BeforeAll
    static void start() {
        testbed = new WorkTestbed("carts", CARTS);
    }

    @AfterAll
    static void stop() {
        testbed.close();
        CODEC.close();
    }

    /** An empty database, and a service instance that has not cached anything of it. */
    @BeforeEach
    void clear() {
        testbed.clear();
        discountCodes = new DiscountCodeStore(testbed.database, Duration.ofSeconds(5));
        CartCommandHandler handler = new CartCommandHandler(
                discountCodes, new MessageFactory(CODEC, "cart-service", CLOCK), CartFixtures.calculator(), CLOCK);
        subscription = WIRING.cartCommands(handler, CARTS);
    }

    private void deliver(IncomingMessage<?> message) {
        testbed.deliver(subscription, message);
    }

    /** A rule of {@code storeId}: SAVE10 takes 10 % off. */
    private void putSave10(String storeId) {
        discountCodes.put(
                storeId,
                new DiscountCode(
                        "SAVE10",
                        "Save 10",
                        "10% off",
                        DiscountType.PERCENTAGE,
                        BigDecimal.TEN,
                        null,
                        null,
                        null,
                        null,
                        null),
                CLOCK.instant());
    }

    private static CreateCart createCart(String cartId, long draftVersion, CartContent content) {
        return new CreateCart(cartId, "dorder_1", draftVersion, CartType.DRAFT_ORDER, content);
    }

    private void createCart1AtVersion(long draftVersion) {
        deliver(command("evt_create", "cart_1", createCart("cart_1", draftVersion, mugsToGermany())));
    }

    private static WorkTestbed.Stored<Cart> cart1() {
        return testbed.stored(CARTS, "cart_1");
    }

    private static List<CartEventEnvelope> sent(List<OutgoingMessage> outbox) {
        return outbox.stream()
                .map(OutgoingMessage::value)
                .map(bytes -> CODEC.decode(Topics.CART_EVENTS, bytes))
                .toList();
    }

    private static List<CartEventEnvelope> sentForCart1() {
        return sent(cart1().outbox());
    }

    private static List<Object> payloadsForCart1() {
        return sentForCart1().stream().map(CartEventEnvelope::getPayload).toList();
    }

    @Test
    void createCartStoresTheCartAndRepliesWithItsCalculatedSnapshot() {
        createCart1AtVersion(1);

        WorkTestbed.Stored<Cart> stored = cart1();
        assertThat(stored.aggregate().storeId()).isEqualTo(STORE);
        assertThat(stored.aggregate().draftVersion()).isEqualTo(1);
        assertThat(stored.aggregate().state().createdAt())
                .as("to the millisecond MongoDB keeps")
                .isEqualTo(Instant.parse("2025-01-01T10:00:01.123Z"));
        assertThat(stored.processed()).containsExactly("evt_create");
        OutgoingMessage message = stored.outbox().get(0);
        assertThat(message.topic()).isEqualTo("cart-events");
        assertThat(message.key()).isEqualTo("cart_1");

        CartEventEnvelope envelope = sentForCart1().get(0);
        assertThat(envelope.getMetadata().getStoreId()).isEqualTo(STORE);
        assertThat(envelope.getMetadata().getAggregateId()).isEqualTo("cart_1");
        assertThat(envelope.getMetadata().getAggregateVersion()).isEqualTo(1);
        assertThat(envelope.getMetadata().getCorrelationId()).isEqualTo(CORRELATION);
        assertThat(envelope.getMetadata().getCausationId()).isEqualTo("evt_create");
        assertThat(envelope.getMetadata().getSource()).isEqualTo("cart-service");

        CartSnapshot cart = ((CartTotalsCalculated) envelope.getPayload()).getCart();
        assertThat(cart.getCartId()).isEqualTo("cart_1");
        assertThat(cart.getDraftOrderId()).isEqualTo("dorder_1");
        assertThat(cart.getDraftVersion()).isEqualTo(1);
        LineItem line = cart.getContent().getLineItems().get(0);
        // 2 * 1999 = 3998; 10% = 399.8 -> 400; 3598 left; VAT 3598 * 0.19 = 683.62 -> 684
        assertThat(line.getAppliedDiscount().getAmount()).isEqualTo(400);
        assertThat(line.getAppliedDiscount().getPercentage()).isEqualTo("10");
        assertThat(line.getDiscountedTotal()).isEqualTo(3598);
        assertThat(line.getTaxLines()).containsExactly(new TaxLine("VAT", "0.19", 684L, 684L));
        // shipping 495 * 0.19 = 94.05 -> 94
        assertThat(cart.getContent().getShippingLine().getTaxLines())
                .containsExactly(new TaxLine("VAT", "0.19", 94L, 94L));
        assertThat(cart.getContent().getShippingAddress().getCity()).isEqualTo("Berlin");
        assertThat(cart.getTaxLines()).containsExactly(new TaxLine("VAT", "0.19", 778L, 778L));
        // total 3598 + 495 + 778 = 4871; 2 * 350 g
        assertThat(cart.getTotals())
                .isEqualTo(new Totals(
                        "EUR",
                        3998L,
                        400L,
                        3598L,
                        495L,
                        778L,
                        4871L,
                        2,
                        700L,
                        "EUR",
                        "1",
                        new com.draftorders.avro.common.PresentmentTotals(3998L, 400L, 3598L, 495L, 778L, 4871L)));
    }

    @Test
    void theOrderDiscountAmountIsFilledIn() {
        CartContent content = mugsToGermany();
        content.setLineItems(List.of(mug(1, null)));
        content.setAppliedDiscount(fixedAmount(500));

        deliver(command("evt_create", "cart_1", createCart("cart_1", 1, content)));

        CartSnapshot cart = ((CartTotalsCalculated) payloadsForCart1().get(0)).getCart();
        // 1999 - min(500, 1999) = 1499
        assertThat(cart.getContent().getAppliedDiscount().getAmount()).isEqualTo(500);
        assertThat(cart.getContent().getLineItems().get(0).getDiscountedTotal()).isEqualTo(1499);
        assertThat(cart.getContent().getLineItems().get(0).getAppliedDiscount()).isNull();
    }

    @Test
    void aRedeliveredOrRepeatedCreateCartChangesNothingAndSendsNothing() {
        createCart1AtVersion(1);
        CartContent other = mugsToGermany();
        other.setLineItems(List.of(mug(5, null)));

        deliver(command("evt_create", "cart_1", createCart("cart_1", 1, mugsToGermany())));
        deliver(command("evt_other", "cart_1", createCart("cart_1", 2, other)));

        assertThat(sentForCart1()).hasSize(1);
        assertThat(cart1().aggregate().draftVersion()).isEqualTo(1);
    }

    @Test
    void aNewerDraftVersionIsRecalculatedAndAnnounced() {
        createCart1AtVersion(1);
        CartContent three = mugsToGermany();
        three.setLineItems(List.of(mug(3, null)));

        deliver(command("evt_replace", "cart_1", new ReplaceCartContent("cart_1", 2L, three)));

        List<Object> payloads = payloadsForCart1();
        assertThat(payloads).hasSize(2);
        CartSnapshot cart = ((CartTotalsCalculated) payloads.get(1)).getCart();
        assertThat(cart.getDraftVersion()).isEqualTo(2);
        // 3 * 1999 = 5997
        assertThat(cart.getTotals().getSubtotalPrice()).isEqualTo(5997);
        assertThat(sentForCart1().get(1).getMetadata().getAggregateVersion()).isEqualTo(2);
    }

    @Test
    void aStaleOrRedeliveredReplaceChangesNothing() {
        createCart1AtVersion(2);
        CartContent three = mugsToGermany();
        three.setLineItems(List.of(mug(3, null)));
        deliver(command("evt_replace", "cart_1", new ReplaceCartContent("cart_1", 3L, three)));

        deliver(command("evt_replace", "cart_1", new ReplaceCartContent("cart_1", 3L, three)));
        deliver(command("evt_stale", "cart_1", new ReplaceCartContent("cart_1", 2L, mugsToGermany())));

        assertThat(payloadsForCart1()).hasSize(2);
        assertThat(cart1().aggregate().draftVersion()).isEqualTo(3);
    }

    @Test
    void aLockedCartIgnoresNewContent() {
        createCart1AtVersion(1);
        deliver(command("evt_lock", "cart_1", new LockCart("cart_1", "dorder_1", 1L, 1)));

        deliver(command("evt_replace", "cart_1", new ReplaceCartContent("cart_1", 2L, mugsToGermany())));

        assertThat(payloadsForCart1()).hasSize(2);
        assertThat(cart1().aggregate().draftVersion()).isEqualTo(1);
    }

    @Test
    void replacingTheContentOfAnUnknownCartIsAnInvalidMessage() {
        assertThatThrownBy(() -> deliver(
                        command("evt_replace", "cart_x", new ReplaceCartContent("cart_x", 2L, mugsToGermany()))))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("cart_x");
    }

    @Test
    void contentThatCannotBeCalculatedIsAnInvalidMessageAndNothingIsStored() {
        CartContent zeroQuantity = mugsToGermany();
        zeroQuantity.setLineItems(List.of(mug(0, null)));
        CartContent badPercentage = mugsToGermany();
        badPercentage.setLineItems(List.of(mug(1, percentage("ten"))));

        assertThatThrownBy(() -> deliver(command("evt_1", "cart_1", createCart("cart_1", 1, zeroQuantity))))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("line_items[0].quantity must be at least 1");
        assertThatThrownBy(() -> deliver(command("evt_2", "cart_1", createCart("cart_1", 1, badPercentage))))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("line_items[0].applied_discount.percentage");
        assertThat(cart1()).isNull();
    }

    @Test
    void lockingAtTheCurrentVersionRepliesCartLockedWithTheSnapshotAndAttempt() {
        createCart1AtVersion(3);

        deliver(command("evt_lock", "cart_1", new LockCart("cart_1", "dorder_1", 3L, 2)));

        CartLocked locked = (CartLocked) payloadsForCart1().get(1);
        assertThat(locked.getAttempt()).isEqualTo(2);
        assertThat(locked.getCart().getDraftVersion()).isEqualTo(3);
        assertThat(locked.getCart().getTotals().getTotalPrice()).isEqualTo(4871);
        assertThat(sentForCart1().get(1).getMetadata().getCausationId()).isEqualTo("evt_lock");
    }

    @Test
    void aSecondLockAtTheSameVersionSendsNothing() {
        createCart1AtVersion(3);
        deliver(command("evt_lock", "cart_1", new LockCart("cart_1", "dorder_1", 3L, 1)));

        deliver(command("evt_lock", "cart_1", new LockCart("cart_1", "dorder_1", 3L, 1)));
        deliver(command("evt_lock_again", "cart_1", new LockCart("cart_1", "dorder_1", 3L, 1)));

        assertThat(payloadsForCart1()).hasSize(2);
    }

    @Test
    void aLockForAnotherVersionIsRejectedOnceWithTheReason() {
        createCart1AtVersion(1);

        deliver(command("evt_lock", "cart_1", new LockCart("cart_1", "dorder_1", 2L, 1)));
        deliver(command("evt_lock", "cart_1", new LockCart("cart_1", "dorder_1", 2L, 1)));

        assertThat(payloadsForCart1())
                .hasSize(2)
                .last()
                .isEqualTo(new CartLockRejected(
                        "cart_1", "dorder_1", 2L, 1, "cart is at draft version 1, completion asked for 2"));
        assertThat(cart1().processed()).containsExactly("evt_create", "evt_lock");
        assertThat(cart1().aggregate().revision()).isEqualTo(1);
        assertThat(sentForCart1().get(1).getMetadata().getAggregateVersion()).isEqualTo(1);
    }

    @Test
    void aLockForAnUnknownCartIsRejectedOnceWithCartNotFound() {
        LockCart lock = new LockCart("cart_x", "dorder_1", 1L, 1);

        deliver(command("evt_lock", "cart_x", lock));
        deliver(command("evt_lock", "cart_x", lock));

        List<WorkTestbed.Stored<String>> receipts = testbed.receipts();
        assertThat(receipts).hasSize(1);
        WorkTestbed.Stored<String> receipt = receipts.get(0);
        assertThat(receipt.aggregate()).isEqualTo("evt_lock");
        assertThat(receipt.outbox())
                .singleElement()
                .satisfies(m -> assertThat(m.key()).isEqualTo("cart_x"));
        CartEventEnvelope envelope = sent(receipt.outbox()).get(0);
        assertThat(envelope.getPayload())
                .isEqualTo(new CartLockRejected("cart_x", "dorder_1", 1L, 1, "cart not found"));
        assertThat(envelope.getMetadata().getStoreId()).isEqualTo(STORE);
        assertThat(envelope.getMetadata().getAggregateId()).isEqualTo("cart_x");
        assertThat(envelope.getMetadata().getCausationId()).isEqualTo("evt_lock");
        assertThat(testbed.stored(CARTS, "cart_x")).isNull();
    }

    @Test
    void anotherStoresCartIsNotFound() {
        createCart1AtVersion(1);

        deliver(command("evt_lock", "store_b", "cart_1", new LockCart("cart_1", "dorder_1", 1L, 1)));

        assertThat(testbed.receipts())
                .singleElement()
                .satisfies(receipt -> assertThat(sent(receipt.outbox()).get(0).getPayload())
                        .isEqualTo(new CartLockRejected("cart_1", "dorder_1", 1L, 1, "cart not found")));
        assertThat(payloadsForCart1()).hasSize(1);
        assertThatThrownBy(() -> deliver(command(
                        "evt_replace", "store_b", "cart_1", new ReplaceCartContent("cart_1", 2L, mugsToGermany()))))
                .isInstanceOf(InvalidMessageException.class);
    }

    @Test
    void unlockingALockedCartRepliesCartUnlockedOnce() {
        createCart1AtVersion(1);
        deliver(command("evt_lock", "cart_1", new LockCart("cart_1", "dorder_1", 1L, 1)));

        deliver(command("evt_unlock", "cart_1", new UnlockCart("cart_1", "dorder_1", 1)));
        deliver(command("evt_unlock", "cart_1", new UnlockCart("cart_1", "dorder_1", 1)));
        deliver(command("evt_unlock_again", "cart_1", new UnlockCart("cart_1", "dorder_1", 1)));

        assertThat(payloadsForCart1()).hasSize(3).last().isEqualTo(new CartUnlocked("cart_1", "dorder_1", 1));
        assertThat(sentForCart1())
                .extracting(e -> e.getMetadata().getAggregateVersion())
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    void afterAnUnlockTheCartTakesNewContentAgain() {
        createCart1AtVersion(1);
        deliver(command("evt_lock", "cart_1", new LockCart("cart_1", "dorder_1", 1L, 1)));
        deliver(command("evt_unlock", "cart_1", new UnlockCart("cart_1", "dorder_1", 1)));

        deliver(command("evt_replace", "cart_1", new ReplaceCartContent("cart_1", 2L, mugsToGermany())));

        assertThat(payloadsForCart1()).last().isInstanceOf(CartTotalsCalculated.class);
        assertThat(cart1().aggregate().draftVersion()).isEqualTo(2);
    }

    @Test
    void unlockingAnUnlockedOrUnknownCartSendsNothing() {
        createCart1AtVersion(1);

        deliver(command("evt_unlock", "cart_1", new UnlockCart("cart_1", "dorder_1", 1)));
        deliver(command("evt_unlock_x", "cart_x", new UnlockCart("cart_x", "dorder_1", 1)));

        assertThat(payloadsForCart1()).hasSize(1);
        assertThat(testbed.stored(CARTS, "cart_x")).isNull();
    }

    @Test
    void discountCodesAreResolvedForTheCommandsStoreAndTheLockFreezesWhatTheyResolvedTo() {
        putSave10(STORE);
        CartContent content = mugsToGermany();
        content.setPresentmentCurrency("USD");
        content.setExchangeRate("1.0850");
        content.setDiscountCodes(List.of("save10", "NOPE"));
        deliver(command("evt_create", "cart_1", createCart("cart_1", 3, content)));

        CartSnapshot cart = ((CartTotalsCalculated) payloadsForCart1().get(0)).getCart();
        // 3998 - 10% line discount (400) = 3598; SAVE10: 10% of 3598 = 359.8 -> 360; 3238 left
        assertThat(cart.getAppliedDiscountCodes()).hasSize(1);
        assertThat(cart.getAppliedDiscountCodes().get(0).getCode()).isEqualTo("SAVE10");
        assertThat(cart.getAppliedDiscountCodes().get(0).getTitle()).isEqualTo("Save 10");
        assertThat(cart.getAppliedDiscountCodes().get(0).getAmount()).isEqualTo(360);
        // 360 * 1.085 = 390.6 -> 391
        assertThat(cart.getAppliedDiscountCodes().get(0).getPresentmentAmount()).isEqualTo(391);
        assertThat(cart.getWarnings()).hasSize(1);
        assertThat(cart.getWarnings().get(0).getCode()).isEqualTo("discount_code_not_found");
        assertThat(cart.getWarnings().get(0).getDiscountCode()).isEqualTo("NOPE");
        assertThat(cart.getContent().getDiscountCodes()).containsExactly("save10", "NOPE");
        assertThat(cart.getTotals().getTotalDiscounts()).isEqualTo(760);
        assertThat(cart.getTotals().getPresentmentCurrency()).isEqualTo("USD");
        assertThat(cart.getTotals().getExchangeRate()).isEqualTo("1.0850");
        var p = cart.getTotals().getPresentment();
        assertThat(p.getLineItemsSubtotalPrice() - p.getTotalDiscounts()).isEqualTo(p.getSubtotalPrice());
        assertThat(p.getSubtotalPrice() + p.getTotalShippingPrice() + p.getTotalTax())
                .isEqualTo(p.getTotalPrice());
        assertThat(cart.getContent().getLineItems().get(0).getPresentmentDiscountedTotal())
                .isEqualTo(p.getSubtotalPrice());

        // the rule goes away; the lock keeps what the draft showed
        discountCodes.delete(STORE, "SAVE10");
        deliver(command("evt_lock", "cart_1", new LockCart("cart_1", "dorder_1", 3L, 1)));
        CartSnapshot locked = ((CartLocked) payloadsForCart1().get(1)).getCart();
        assertThat(locked.getAppliedDiscountCodes()).isEqualTo(cart.getAppliedDiscountCodes());
        assertThat(locked.getTotals()).isEqualTo(cart.getTotals());
        assertThat(locked.getWarnings()).isEqualTo(cart.getWarnings());
    }

    @Test
    void anotherStoresDiscountCodeIsUnknown() {
        putSave10("other_store");
        CartContent content = mugsToGermany();
        content.setDiscountCodes(List.of("SAVE10"));
        deliver(command("evt_create", "cart_1", createCart("cart_1", 1, content)));

        CartSnapshot cart = ((CartTotalsCalculated) payloadsForCart1().get(0)).getCart();
        assertThat(cart.getAppliedDiscountCodes()).isEmpty();
        assertThat(cart.getWarnings().get(0).getCode()).isEqualTo("discount_code_not_found");
    }

    @Test
    void aPollsCommandsOnOneCartApplyInOrderInOneWrite() {
        CartContent three = mugsToGermany();
        three.setLineItems(List.of(mug(3, null)));

        List<Outcome> outcomes = testbed.deliverBatch(
                subscription,
                List.of(
                        command("evt_create", "cart_1", createCart("cart_1", 1, mugsToGermany())),
                        command("evt_replace", "cart_1", new ReplaceCartContent("cart_1", 2L, three)),
                        command("evt_lock", "cart_1", new LockCart("cart_1", "dorder_1", 2L, 1))));

        assertThat(outcomes).noneMatch(Outcome::failed);
        assertThat(cart1().version()).as("one write for the whole poll").isEqualTo(1);
        assertThat(cart1().processed()).containsExactly("evt_create", "evt_replace", "evt_lock");
        assertThat(payloadsForCart1())
                .extracting(Object::getClass)
                .containsExactly(CartTotalsCalculated.class, CartTotalsCalculated.class, CartLocked.class);
        assertThat(sentForCart1())
                .extracting(e -> e.getMetadata().getAggregateVersion())
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    void anInvalidCommandInAPollFailsAloneAndTheOthersApply() {
        List<Outcome> outcomes = testbed.deliverBatch(
                subscription,
                List.of(
                        command("evt_create", "cart_1", createCart("cart_1", 1, mugsToGermany())),
                        command("evt_replace", "cart_x", new ReplaceCartContent("cart_x", 2L, mugsToGermany())),
                        command("evt_lock", "cart_1", new LockCart("cart_1", "dorder_1", 1L, 1))));

        assertThat(outcomes.get(1).failure()).isInstanceOf(InvalidMessageException.class);
        assertThat(outcomes.get(0).failed()).isFalse();
        assertThat(outcomes.get(2).failed()).isFalse();
        assertThat(cart1().aggregate().isLocked()).isTrue();
    }

    @Test
    void aCommandWithoutACartIdIsAnInvalidMessage() {
        assertThatThrownBy(() -> deliver(command("evt_lock", " ", new LockCart(" ", "dorder_1", 1L, 1))))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("cart_id");
    }

    @Test
    void aDiscountCodeChangedThroughThisServiceAppliesToTheNextCalculation() {
        CartContent content = mugsToGermany();
        content.setDiscountCodes(List.of("SAVE10"));
        deliver(command("evt_create", "cart_1", createCart("cart_1", 1, content)));
        putSave10(STORE);

        deliver(command("evt_replace", "cart_1", new ReplaceCartContent("cart_1", 2L, content)));

        CartSnapshot before = ((CartTotalsCalculated) payloadsForCart1().get(0)).getCart();
        CartSnapshot after = ((CartTotalsCalculated) payloadsForCart1().get(1)).getCart();
        assertThat(before.getWarnings().get(0).getCode()).isEqualTo("discount_code_not_found");
        assertThat(after.getWarnings()).isEmpty();
        assertThat(after.getAppliedDiscountCodes().get(0).getAmount()).isEqualTo(360);
    }
}
