package com.draftorders.cart.persistence;

import static com.draftorders.cart.domain.CartFixtures.calculator;
import static com.draftorders.cart.domain.CartFixtures.content;
import static com.draftorders.cart.domain.CartFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.draftorders.cart.domain.AppliedDiscount;
import com.draftorders.cart.domain.Cart;
import com.draftorders.cart.domain.CartLock;
import com.draftorders.cart.domain.CartType;
import com.draftorders.cart.support.InMemoryMongo;
import com.draftorders.messaging.OutboxRelay;
import com.draftorders.messaging.OutboxWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;

class CartDocumentMapperTest {

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final CartRepository carts = new CartRepository(
            mongo.template(),
            new OutboxWriter(
                    mongo.template(), new OutboxRelay(mongo.template(), null, List.of(), Duration.ofSeconds(1))));
    private final Instant now = Instant.parse("2025-01-01T10:00:00Z");

    @AfterEach
    void stop() {
        mongo.close();
    }

    private Cart richCart() {
        return Cart.create(
                "cart_1",
                "dorder_1",
                CartType.DRAFT_ORDER,
                4,
                content()
                        .with(line("a").quantity(3).price(335).grams(120).discount(AppliedDiscount.percentage("12.5")))
                        .with(line("b").custom().notTaxable().price(999).discount(AppliedDiscount.fixedAmount(100)))
                        .discount(AppliedDiscount.fixedAmount(250))
                        .shipping(495)
                        .shipTo("US", "CA")
                        .billTo("DE", null)
                        .build(),
                calculator());
    }

    @Test
    void aStoredCartComesBackExactlyAsItWas() {
        Cart cart = richCart();
        cart.lock("dorder_1", 4, 2);

        carts.save(CartDocumentMapper.newDocument(cart, "store_a", now));
        CartDocument loaded = carts.find("cart_1").orElseThrow();
        Cart restored = CartDocumentMapper.toDomain(loaded);

        assertThat(restored.calculation()).isEqualTo(cart.calculation());
        assertThat(restored.snapshot()).isEqualTo(cart.snapshot());
        assertThat(restored.lockState()).isEqualTo(new CartLock("dorder_1", 4, 2));
        assertThat(restored.revision()).isEqualTo(cart.revision());
        assertThat(restored.type()).isEqualTo(CartType.DRAFT_ORDER);
        assertThat(CartDocumentMapper.lockedAt(loaded)).isEqualTo(now);
        assertThat(loaded.getCreatedAt()).isEqualTo(now);
    }

    @Test
    void decimalsAreStoredAsTheStringsTheyWereGiven() {
        carts.save(CartDocumentMapper.newDocument(richCart(), "store_a", now));

        Document raw = mongo.template().getCollection("carts").find().first();
        Document line = raw.get("cart", Document.class)
                .getList("lineItems", Document.class)
                .get(0);
        assertThat(line.get("appliedDiscount", Document.class).getString("percentage"))
                .isEqualTo("12.5");
        assertThat(line.getList("taxLines", Document.class).get(0).getString("rate"))
                .isEqualTo("0.0725");
        assertThat(raw.getString("storeId")).isEqualTo("store_a");
    }

    @Test
    void aSecondCartWithTheSameIdIsRefused() {
        carts.save(CartDocumentMapper.newDocument(richCart(), "store_a", now));

        assertThatThrownBy(() -> carts.save(CartDocumentMapper.newDocument(richCart(), "store_a", now)))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void aConcurrentChangeIsDetected() {
        carts.save(CartDocumentMapper.newDocument(richCart(), "store_a", now));
        CartDocument first = carts.find("cart_1").orElseThrow();
        CartDocument second = carts.find("cart_1").orElseThrow();
        first.markProcessed("evt_1");
        carts.save(first);

        second.markProcessed("evt_2");
        assertThatThrownBy(() -> carts.save(second)).isInstanceOf(OptimisticLockingFailureException.class);
    }

    @Test
    void aCartIsFoundOnlyInItsOwnStore() {
        carts.save(CartDocumentMapper.newDocument(richCart(), "store_a", now));

        assertThat(carts.findInStore("cart_1", "store_a")).isPresent();
        assertThat(carts.findInStore("cart_1", "store_b")).isEmpty();
    }
}
