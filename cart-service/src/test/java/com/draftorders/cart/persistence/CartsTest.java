package com.draftorders.cart.persistence;

import static com.draftorders.cart.domain.CartFixtures.calculator;
import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.cart.domain.Address;
import com.draftorders.cart.domain.AppliedDiscount;
import com.draftorders.cart.domain.Cart;
import com.draftorders.cart.domain.CartContent;
import com.draftorders.cart.domain.CartType;
import com.draftorders.cart.domain.DiscountCode;
import com.draftorders.cart.domain.DiscountCodes;
import com.draftorders.cart.domain.DiscountType;
import com.draftorders.cart.domain.LineItem;
import com.draftorders.cart.domain.ShippingLine;
import com.draftorders.messaging.testing.WorkTestbed;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cart codec: what goes into MongoDB comes back exactly, and the document holds nothing it can derive. */
class CartsTest {

    /** Stores carts whose events were taken already: nothing here maps them to messages. */
    private static final Carts CARTS = new Carts(null, event -> {
        throw new AssertionError("no events expected");
    });

    private static final Instant CREATED = Instant.parse("2025-01-01T10:00:00.123Z");
    private static final Instant LOCKED = Instant.parse("2025-01-01T10:05:00.456Z");

    private static WorkTestbed testbed;

    @BeforeAll
    static void start() {
        testbed = new WorkTestbed("carts", CARTS);
    }

    @AfterAll
    static void stop() {
        testbed.close();
    }

    @BeforeEach
    void clear() {
        testbed.clear();
    }

    /**
     * A cart in which every field of its state is set somewhere: both addresses in full, a variant line with every
     * detail and a percentage discount, a custom untaxed line without shipping and a fixed discount, an order
     * discount, a discount code that applies and one that does not, shipping, taxes included, a presentment currency,
     * a lock.
     */
    static Cart everyFieldSet() {
        LineItem variant = new LineItem(
                "li_a",
                "var_a",
                "prod_a",
                "MUG-A",
                "Mug",
                "Blue",
                3,
                335,
                400L,
                120,
                true,
                true,
                new AppliedDiscount(
                        "Loyalty", "12.5% for members", DiscountType.PERCENTAGE, new BigDecimal("12.5"), null));
        LineItem custom = new LineItem(
                "li_b",
                null,
                null,
                null,
                "Gift wrap",
                null,
                1,
                999,
                null,
                0,
                false,
                false,
                AppliedDiscount.fixedAmount(100));
        CartContent content = new CartContent(
                "EUR",
                List.of(variant, custom),
                new AppliedDiscount("Sorry", "for the delay", DiscountType.FIXED_AMOUNT, null, 250L),
                new ShippingLine("Express", 495, "EXP"),
                new Address(
                        "Ada",
                        "Lovelace",
                        "Engines Ltd",
                        "1 Main St",
                        "Unit 2",
                        "Los Angeles",
                        "CA",
                        "US",
                        "90001",
                        "+1 555 0100"),
                new Address(
                        "Charles",
                        "Babbage",
                        "Engines GmbH",
                        "Hauptstr. 1",
                        "Hof",
                        "Berlin",
                        "BE",
                        "DE",
                        "10115",
                        "+49 30 0000"),
                true,
                false,
                "USD",
                new BigDecimal("1.0850"),
                List.of("save10", "NOPE"));
        DiscountCodes codes = DiscountCodes.of(Map.of(
                "SAVE10",
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
                        null)));
        Cart cart = Cart.create(
                "cart_1", "store_a", "dorder_1", CartType.DRAFT_ORDER, 4, content, calculator(), codes, CREATED);
        cart.lock("dorder_1", 4, 2, LOCKED);
        cart.pullEvents();
        return cart;
    }

    /** What {@link #everyFieldSet} cannot also be: tax exempt (so without any tax line), a cart of no draft. */
    static Cart taxExempt() {
        CartContent content = new CartContent(
                "JPY",
                List.of(new LineItem("li_c", null, null, null, "Tea", null, 2, 1500, null, 80, true, true, null)),
                null,
                null,
                Address.of("JP", null),
                null,
                false,
                true,
                null,
                null,
                List.of());
        Cart cart = Cart.create(
                "cart_2", "store_a", null, CartType.DEFAULT, 1, content, calculator(), DiscountCodes.NONE, CREATED);
        cart.pullEvents();
        return cart;
    }

    private static Cart storedAndReadBack(Cart cart) {
        testbed.work.execute(
                com.draftorders.messaging.work.Address.byId(CARTS, cart.id(), cart.storeId()),
                null,
                target -> target.create(cart));
        return testbed.stored(CARTS, cart.id()).aggregate();
    }

    @Test
    void aCartWithEveryFieldSetComesBackExactlyAsItWas() {
        Cart cart = everyFieldSet();

        assertThat(storedAndReadBack(cart).state()).isEqualTo(cart.state());
    }

    @Test
    void aTaxExemptCartOfNoDraftComesBackExactlyAsItWas() {
        Cart cart = taxExempt();

        assertThat(storedAndReadBack(cart).state()).isEqualTo(cart.state());
    }

    @Test
    void theFixturesLeaveNoFieldOfTheCartsStateUnset() {
        Map<String, Boolean> set = new TreeMap<>();
        visit(everyFieldSet().state(), set);
        visit(taxExempt().state(), set);

        assertThat(set.entrySet())
                .as("record components never set (non-null, non-empty, non-zero, true) in the fixtures: a field the"
                        + " codec may not round-trip")
                .filteredOn(entry -> !entry.getValue())
                .isEmpty();
    }

    @Test
    void aCartShownInItsShopCurrencyStoresNoPresentmentAmountsAndNothingDerived() {
        storedAndReadBack(taxExempt());
        storedAndReadBack(everyFieldSet());

        BsonDocument shopOnly = raw("cart_2");
        assertThat(shopOnly.toJson()).doesNotContain("presentment").doesNotContain("total");
        BsonDocument line = shopOnly.getArray("lines").get(0).asDocument();
        assertThat(line.keySet())
                .containsExactlyInAnyOrder(
                        "lineItemId", "title", "quantity", "price", "grams", "taxable", "requiresShipping");
        BsonDocument converted = raw("cart_1");
        assertThat(converted.keySet()).doesNotContain("totals", "taxLines", "presentment", "subtotal");
        assertThat(converted.getArray("lines").get(0).asDocument().keySet())
                .contains("presentmentPrice", "presentmentDiscountedTotal")
                .doesNotContain("subtotal", "discountedTotal");
    }

    @Test
    void decimalsAreStoredAsTheStringsTheyWereGiven() {
        storedAndReadBack(everyFieldSet());

        BsonDocument raw = raw("cart_1");
        BsonDocument line = raw.getArray("lines").get(0).asDocument();
        assertThat(line.getDocument("discount").getString("percentage").getValue())
                .isEqualTo("12.5");
        assertThat(line.getArray("taxLines")
                        .get(0)
                        .asDocument()
                        .getString("rate")
                        .getValue())
                .isEqualTo("0.0725");
        assertThat(raw.getString("exchangeRate").getValue()).isEqualTo("1.0850");
        assertThat(raw.getString("storeId").getValue()).isEqualTo("store_a");
    }

    private static BsonDocument raw(String id) {
        return testbed.stored(CARTS, id).raw();
    }

    /** Records, per record type and component, whether the component is set anywhere under {@code value}. */
    private static void visit(Object value, Map<String, Boolean> set) {
        if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                Object field;
                try {
                    field = component.getAccessor().invoke(record);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                set.merge(
                        record.getClass().getSimpleName() + "." + component.getName(),
                        isSet(field),
                        Boolean::logicalOr);
                visit(field, set);
            }
        } else if (value instanceof Collection<?> values) {
            values.forEach(element -> visit(element, set));
        }
    }

    private static boolean isSet(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.signum() != 0;
        }
        if (value instanceof Number number) {
            return number.longValue() != 0;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        if (value instanceof String text) {
            return !text.isEmpty();
        }
        if (value instanceof Collection<?> values) {
            return !values.isEmpty();
        }
        return value != null;
    }
}
