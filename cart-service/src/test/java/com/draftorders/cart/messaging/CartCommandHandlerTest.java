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
import com.draftorders.cart.domain.CartFixtures;
import com.draftorders.cart.persistence.CartDocument;
import com.draftorders.cart.persistence.CartLockRejectionDocument;
import com.draftorders.cart.persistence.CartRepository;
import com.draftorders.cart.persistence.DiscountCodeRepository;
import com.draftorders.cart.support.InMemoryMongo;
import com.draftorders.cart.support.PlainAvroCodec;
import com.draftorders.messaging.InvalidMessageException;
import com.draftorders.messaging.MessageFactory;
import com.draftorders.messaging.OutboxDocument;
import com.draftorders.messaging.OutboxRelay;
import com.draftorders.messaging.OutboxWriter;
import com.draftorders.messaging.OutgoingMessage;
import com.draftorders.schemas.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The handler against an in-memory MongoDB server: what each command stores and which cart-events it leaves in the
 * outbox (the relay is not running, so every message the handler wrote is still there to inspect).
 */
class CartCommandHandlerTest {

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final PlainAvroCodec codec = new PlainAvroCodec();
    private final Clock clock = Clock.fixed(Instant.parse("2025-01-01T10:00:01Z"), ZoneOffset.UTC);
    private final CartRepository carts = new CartRepository(
            mongo.template(),
            new OutboxWriter(
                    mongo.template(), new OutboxRelay(mongo.template(), null, List.of(), Duration.ofSeconds(1))));
    private final DiscountCodeRepository discountCodes = new DiscountCodeRepository(mongo.template());
    private final CartCommandHandler handler = new CartCommandHandler(
            carts, discountCodes, new MessageFactory(codec, "cart-service", clock), CartFixtures.calculator(), clock);

    @AfterEach
    void stop() {
        mongo.close();
        codec.close();
    }

    private static CreateCart createCart(String cartId, long draftVersion, CartContent content) {
        return new CreateCart(cartId, "dorder_1", draftVersion, CartType.DRAFT_ORDER, content);
    }

    private void createCart1AtVersion(long draftVersion) {
        handler.create(command("evt_create", "cart_1", createCart("cart_1", draftVersion, mugsToGermany())));
    }

    private List<CartEventEnvelope> sent(OutboxDocument document) {
        return document.getOutbox().stream()
                .map(OutgoingMessage::value)
                .map(bytes -> codec.decode(Topics.CART_EVENTS, bytes))
                .toList();
    }

    private List<CartEventEnvelope> sentForCart1() {
        return sent(carts.find("cart_1").orElseThrow());
    }

    private List<Object> payloadsForCart1() {
        return sentForCart1().stream().map(CartEventEnvelope::getPayload).toList();
    }

    @Test
    void createCartStoresTheCartAndRepliesWithItsCalculatedSnapshot() {
        createCart1AtVersion(1);

        CartDocument stored = carts.find("cart_1").orElseThrow();
        assertThat(stored.getStoreId()).isEqualTo(STORE);
        assertThat(stored.getDraftVersion()).isEqualTo(1);
        assertThat(stored.hasProcessed("evt_create")).isTrue();
        OutgoingMessage message = stored.getOutbox().get(0);
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

        handler.create(command("evt_create", "cart_1", createCart("cart_1", 1, content)));

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

        handler.create(command("evt_create", "cart_1", createCart("cart_1", 1, mugsToGermany())));
        handler.create(command("evt_other", "cart_1", createCart("cart_1", 2, other)));

        assertThat(sentForCart1()).hasSize(1);
        assertThat(carts.find("cart_1").orElseThrow().getDraftVersion()).isEqualTo(1);
    }

    @Test
    void aNewerDraftVersionIsRecalculatedAndAnnounced() {
        createCart1AtVersion(1);
        CartContent three = mugsToGermany();
        three.setLineItems(List.of(mug(3, null)));

        handler.replace(command("evt_replace", "cart_1", new ReplaceCartContent("cart_1", 2L, three)));

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
        handler.replace(command("evt_replace", "cart_1", new ReplaceCartContent("cart_1", 3L, three)));

        handler.replace(command("evt_replace", "cart_1", new ReplaceCartContent("cart_1", 3L, three)));
        handler.replace(command("evt_stale", "cart_1", new ReplaceCartContent("cart_1", 2L, mugsToGermany())));

        assertThat(payloadsForCart1()).hasSize(2);
        assertThat(carts.find("cart_1").orElseThrow().getDraftVersion()).isEqualTo(3);
    }

    @Test
    void aLockedCartIgnoresNewContent() {
        createCart1AtVersion(1);
        handler.lock(command("evt_lock", "cart_1", new LockCart("cart_1", "dorder_1", 1L, 1)));

        handler.replace(command("evt_replace", "cart_1", new ReplaceCartContent("cart_1", 2L, mugsToGermany())));

        assertThat(payloadsForCart1()).hasSize(2);
        assertThat(carts.find("cart_1").orElseThrow().getDraftVersion()).isEqualTo(1);
    }

    @Test
    void replacingTheContentOfAnUnknownCartIsAnInvalidMessage() {
        assertThatThrownBy(() -> handler.replace(
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

        assertThatThrownBy(() -> handler.create(command("evt_1", "cart_1", createCart("cart_1", 1, zeroQuantity))))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("line_items[0].quantity must be at least 1");
        assertThatThrownBy(() -> handler.create(command("evt_2", "cart_1", createCart("cart_1", 1, badPercentage))))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("line_items[0].applied_discount.percentage");
        assertThat(carts.find("cart_1")).isEmpty();
    }

    @Test
    void lockingAtTheCurrentVersionRepliesCartLockedWithTheSnapshotAndAttempt() {
        createCart1AtVersion(3);

        handler.lock(command("evt_lock", "cart_1", new LockCart("cart_1", "dorder_1", 3L, 2)));

        CartLocked locked = (CartLocked) payloadsForCart1().get(1);
        assertThat(locked.getAttempt()).isEqualTo(2);
        assertThat(locked.getCart().getDraftVersion()).isEqualTo(3);
        assertThat(locked.getCart().getTotals().getTotalPrice()).isEqualTo(4871);
        assertThat(sentForCart1().get(1).getMetadata().getCausationId()).isEqualTo("evt_lock");
    }

    @Test
    void aSecondLockAtTheSameVersionSendsNothing() {
        createCart1AtVersion(3);
        handler.lock(command("evt_lock", "cart_1", new LockCart("cart_1", "dorder_1", 3L, 1)));

        handler.lock(command("evt_lock", "cart_1", new LockCart("cart_1", "dorder_1", 3L, 1)));
        handler.lock(command("evt_lock_again", "cart_1", new LockCart("cart_1", "dorder_1", 3L, 1)));

        assertThat(payloadsForCart1()).hasSize(2);
    }

    @Test
    void aLockForAnotherVersionIsRejectedOnceWithTheReason() {
        createCart1AtVersion(1);

        handler.lock(command("evt_lock", "cart_1", new LockCart("cart_1", "dorder_1", 2L, 1)));
        handler.lock(command("evt_lock", "cart_1", new LockCart("cart_1", "dorder_1", 2L, 1)));

        assertThat(payloadsForCart1())
                .hasSize(2)
                .last()
                .isEqualTo(new CartLockRejected(
                        "cart_1", "dorder_1", 2L, 1, "cart is at draft version 1, completion asked for 2"));
        CartDocument stored = carts.find("cart_1").orElseThrow();
        assertThat(stored.hasProcessed("evt_lock")).isTrue();
        assertThat(stored.getRevision()).isEqualTo(1);
    }

    @Test
    void aLockForAnUnknownCartIsRejectedOnceWithCartNotFound() {
        LockCart lock = new LockCart("cart_x", "dorder_1", 1L, 1);

        handler.lock(command("evt_lock", "cart_x", lock));
        handler.lock(command("evt_lock", "cart_x", lock));

        CartLockRejectionDocument rejection = carts.findRejection("evt_lock").orElseThrow();
        assertThat(rejection.getStoreId()).isEqualTo(STORE);
        assertThat(rejection.getOutbox())
                .singleElement()
                .satisfies(m -> assertThat(m.key()).isEqualTo("cart_x"));
        CartEventEnvelope envelope = sent(rejection).get(0);
        assertThat(envelope.getPayload())
                .isEqualTo(new CartLockRejected("cart_x", "dorder_1", 1L, 1, "cart not found"));
        assertThat(envelope.getMetadata().getStoreId()).isEqualTo(STORE);
        assertThat(envelope.getMetadata().getCausationId()).isEqualTo("evt_lock");
        assertThat(mongo.template().getCollection("cart_command_rejections").countDocuments())
                .isEqualTo(1);
    }

    @Test
    void anotherStoresCartIsNotFound() {
        createCart1AtVersion(1);

        handler.lock(command("evt_lock", "store_b", "cart_1", new LockCart("cart_1", "dorder_1", 1L, 1)));

        assertThat(sent(carts.findRejection("evt_lock").orElseThrow()).get(0).getPayload())
                .isEqualTo(new CartLockRejected("cart_1", "dorder_1", 1L, 1, "cart not found"));
        assertThat(payloadsForCart1()).hasSize(1);
        assertThatThrownBy(() -> handler.replace(command(
                        "evt_replace", "store_b", "cart_1", new ReplaceCartContent("cart_1", 2L, mugsToGermany()))))
                .isInstanceOf(InvalidMessageException.class);
    }

    @Test
    void unlockingALockedCartRepliesCartUnlockedOnce() {
        createCart1AtVersion(1);
        handler.lock(command("evt_lock", "cart_1", new LockCart("cart_1", "dorder_1", 1L, 1)));

        handler.unlock(command("evt_unlock", "cart_1", new UnlockCart("cart_1", "dorder_1", 1)));
        handler.unlock(command("evt_unlock", "cart_1", new UnlockCart("cart_1", "dorder_1", 1)));
        handler.unlock(command("evt_unlock_again", "cart_1", new UnlockCart("cart_1", "dorder_1", 1)));

        assertThat(payloadsForCart1()).hasSize(3).last().isEqualTo(new CartUnlocked("cart_1", "dorder_1", 1));
        assertThat(sentForCart1())
                .extracting(e -> e.getMetadata().getAggregateVersion())
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    void afterAnUnlockTheCartTakesNewContentAgain() {
        createCart1AtVersion(1);
        handler.lock(command("evt_lock", "cart_1", new LockCart("cart_1", "dorder_1", 1L, 1)));
        handler.unlock(command("evt_unlock", "cart_1", new UnlockCart("cart_1", "dorder_1", 1)));

        handler.replace(command("evt_replace", "cart_1", new ReplaceCartContent("cart_1", 2L, mugsToGermany())));

        assertThat(payloadsForCart1()).last().isInstanceOf(CartTotalsCalculated.class);
        assertThat(carts.find("cart_1").orElseThrow().getDraftVersion()).isEqualTo(2);
    }

    @Test
    void unlockingAnUnlockedOrUnknownCartSendsNothing() {
        createCart1AtVersion(1);

        handler.unlock(command("evt_unlock", "cart_1", new UnlockCart("cart_1", "dorder_1", 1)));
        handler.unlock(command("evt_unlock_x", "cart_x", new UnlockCart("cart_x", "dorder_1", 1)));

        assertThat(payloadsForCart1()).hasSize(1);
        assertThat(carts.find("cart_x")).isEmpty();
    }

    @Test
    void discountCodesAreResolvedForTheCommandsStoreAndTheLockFreezesWhatTheyResolvedTo() {
        discountCodes.put(
                STORE,
                new com.draftorders.cart.domain.DiscountCode(
                        "SAVE10",
                        "Save 10",
                        "10% off",
                        com.draftorders.cart.domain.DiscountType.PERCENTAGE,
                        new java.math.BigDecimal("10"),
                        null,
                        null,
                        null,
                        null,
                        null),
                clock.instant());
        CartContent content = mugsToGermany();
        content.setPresentmentCurrency("USD");
        content.setExchangeRate("1.0850");
        content.setDiscountCodes(List.of("save10", "NOPE"));
        handler.create(command("evt_create", "cart_1", createCart("cart_1", 3, content)));

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
        handler.lock(command("evt_lock", "cart_1", new LockCart("cart_1", "dorder_1", 3L, 1)));
        CartSnapshot locked = ((CartLocked) payloadsForCart1().get(1)).getCart();
        assertThat(locked.getAppliedDiscountCodes()).isEqualTo(cart.getAppliedDiscountCodes());
        assertThat(locked.getTotals()).isEqualTo(cart.getTotals());
        assertThat(locked.getWarnings()).isEqualTo(cart.getWarnings());
    }

    @Test
    void anotherStoresDiscountCodeIsUnknown() {
        discountCodes.put(
                "other_store",
                new com.draftorders.cart.domain.DiscountCode(
                        "SAVE10",
                        "Save 10",
                        null,
                        com.draftorders.cart.domain.DiscountType.PERCENTAGE,
                        java.math.BigDecimal.TEN,
                        null,
                        null,
                        null,
                        null,
                        null),
                clock.instant());
        CartContent content = mugsToGermany();
        content.setDiscountCodes(List.of("SAVE10"));
        handler.create(command("evt_create", "cart_1", createCart("cart_1", 1, content)));

        CartSnapshot cart = ((CartTotalsCalculated) payloadsForCart1().get(0)).getCart();
        assertThat(cart.getAppliedDiscountCodes()).isEmpty();
        assertThat(cart.getWarnings().get(0).getCode()).isEqualTo("discount_code_not_found");
    }
}
