package com.draftorders.order.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.draftorders.messaging.work.Address;
import com.draftorders.order.Testbed;
import com.draftorders.order.domain.Cart;
import com.draftorders.order.domain.LineItem;
import com.draftorders.order.domain.Order;
import com.draftorders.order.domain.OrderDetails;
import com.draftorders.order.domain.OrderFixtures;
import com.draftorders.order.domain.PaymentStatus;
import com.draftorders.order.domain.Totals;
import com.draftorders.order.messaging.AvroFixtures;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bson.BsonBinaryWriter;
import org.bson.BsonReader;
import org.bson.RawBsonDocument;
import org.bson.io.BasicOutputBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The hand-written codec of orders: what it keeps, how the document looks, and what the indexes refuse. */
class OrdersTest {

    private final Testbed bed = new Testbed();
    private final Orders orders = bed.orders;

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void theFixtureSetsEveryFieldOfAnOrdersStateToSomethingOtherThanItsDefault() {
        assertThat(unset("state", OrderFixtures.everyFieldSet()))
                .as("fields the round trip would not check (add them to the fixture, and to the codec)")
                .isEmpty();
    }

    @Test
    void anOrderWithEveryFieldSetReadsBackExactlyAsItWasWritten() {
        Order.State state = OrderFixtures.everyFieldSet();

        Order read = decode(encode(Order.restore(state)));

        assertThat(read.state()).usingRecursiveComparison().isEqualTo(state);
        assertThat(read.state()).isEqualTo(state);
    }

    @Test
    void anOrderWithEveryFieldSetIsStoredAndLoadedExactlyThroughTheUnitOfWork() {
        Order.State state = OrderFixtures.everyFieldSet();

        bed.work.work.execute(
                Address.byId(orders, state.id(), state.storeId()), null, target -> target.create(Order.restore(state)));

        assertThat(bed.work.stored(orders, state.id()).aggregate().state())
                .usingRecursiveComparison()
                .isEqualTo(state);
        assertThat(bed.work
                        .reads
                        .byId(orders, state.id(), state.storeId())
                        .orElseThrow()
                        .state())
                .isEqualTo(state);
    }

    @Test
    void anOrderWithoutAnyOptionalFieldReadsBackWithItsNullsEmptyListsFalsesAndZeros() {
        Order.State state = minimal();

        Order read = decode(encode(Order.restore(state)));

        assertThat(read.state()).usingRecursiveComparison().isEqualTo(state);
        assertThat(read.state()).isEqualTo(state);
    }

    @Test
    void theQueriedFieldsAreTopLevelAndWhatHasNoValueIsLeftOut() {
        bed.deliver(
                bed.incoming("order-commands", "store-a", "dorder_1", AvroFixtures.createOrder("dorder_1", "pay_1")));

        RawBsonDocument stored = bed.orderOf("dorder_1").raw();

        assertThat(stored.keySet())
                .containsExactly(
                        "_id",
                        "version",
                        "outbox",
                        "processed",
                        "storeId",
                        "draftOrderId",
                        "paymentId",
                        "number",
                        "revision",
                        "createdAt",
                        "paymentStatus",
                        "draftOrderName",
                        "email",
                        "phone",
                        "customerId",
                        "note",
                        "tags",
                        "sourceName",
                        "cart");
        assertThat(stored.getString("storeId").getValue()).isEqualTo("store-a");
        assertThat(stored.getString("draftOrderId").getValue()).isEqualTo("dorder_1");
        assertThat(stored.getString("paymentId").getValue()).isEqualTo("pay_1");
        assertThat(stored.getDocument("cart")
                        .getArray("lineItems")
                        .get(1)
                        .asDocument()
                        .keySet())
                .as("a custom line without variant, discount or shipping")
                .containsExactly("id", "title", "quantity", "price", "grams", "taxable", "taxLines", "discountedTotal");
    }

    @Test
    void theCollectionHoldsOneOrderPerDraftAndOnePerPayment() {
        Order.State state = OrderFixtures.everyFieldSet();
        var collection = bed.work.database.getCollection(Orders.COLLECTION, RawBsonDocument.class);
        collection.insertOne(encode(Order.restore(state)));

        Order sameDraft = Order.restore(
                OrderFixtures.withIds(state, "order_other", state.details().draftOrderId(), "pay_other"));
        Order samePayment = Order.restore(OrderFixtures.withIds(
                state, "order_other", "dorder_other", state.details().paymentId()));

        assertThatThrownBy(() -> collection.insertOne(encode(sameDraft)))
                .isInstanceOfSatisfying(
                        MongoWriteException.class,
                        e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
        assertThatThrownBy(() -> collection.insertOne(encode(samePayment)))
                .isInstanceOfSatisfying(
                        MongoWriteException.class,
                        e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
        assertThat(collection.countDocuments(Filters.eq("storeId", state.storeId())))
                .isEqualTo(1);
    }

    private RawBsonDocument encode(Order order) {
        BasicOutputBuffer buffer = new BasicOutputBuffer();
        try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
            writer.writeStartDocument();
            writer.writeString("_id", order.id());
            orders.write(order, writer);
            writer.writeEndDocument();
        }
        return new RawBsonDocument(buffer.toByteArray());
    }

    private Order decode(RawBsonDocument document) {
        try (BsonReader reader = document.asBsonReader()) {
            return orders.read(reader);
        }
    }

    /** Only what an order cannot be without: no discount, shipping, address, presentment, terms or requests. */
    private static Order.State minimal() {
        LineItem line = new LineItem(
                "li_1", null, null, null, "Gift wrap", null, 1, 0, null, 0, false, false, null, List.of(), null);
        Cart cart = new Cart(
                "cart_1",
                null,
                0,
                "EUR",
                List.of(line),
                null,
                null,
                null,
                null,
                false,
                false,
                List.of(),
                new Totals(0, 0, 0, 0, 0, 0, 1, 0));
        OrderDetails details =
                new OrderDetails("dorder_1", null, "pay_1", cart, null, null, null, null, List.of(), false, null, null);
        return new Order.State(
                "order_1", "store-a", 1, details, OrderFixtures.NOW, null, PaymentStatus.PENDING, 0, 0, List.of(), 0);
    }

    /**
     * The paths under {@code value} that hold a default (null, blank, empty, false, zero): a field the codec forgot
     * would read back as that default and pass a round trip unnoticed. Records and lists are walked into.
     */
    private static List<String> unset(String path, Object value) {
        List<String> found = new ArrayList<>();
        if (value == null) {
            found.add(path + " is null");
        } else if (value instanceof String text && text.isBlank()) {
            found.add(path + " is blank");
        } else if (value instanceof Boolean flag && !flag) {
            found.add(path + " is false");
        } else if (value instanceof Number number && number.longValue() == 0) {
            found.add(path + " is zero");
        } else if (value instanceof Collection<?> elements) {
            if (elements.isEmpty()) {
                found.add(path + " is empty");
            }
            int i = 0;
            for (Object element : elements) {
                found.addAll(unset(path + "[" + i++ + "]", element));
            }
        } else if (value instanceof Record) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                found.addAll(unset(path + "." + component.getName(), valueOf(component, value)));
            }
        }
        return found;
    }

    private static Object valueOf(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }
}
