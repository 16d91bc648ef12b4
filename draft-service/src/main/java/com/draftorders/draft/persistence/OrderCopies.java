package com.draftorders.draft.persistence;

import com.draftorders.draft.domain.DraftContent;
import com.draftorders.draft.domain.DraftOrder;
import com.draftorders.draft.domain.OrderCopy;
import com.draftorders.messaging.MessageFactory.Correlation;
import com.draftorders.messaging.OutgoingMessage;
import com.draftorders.messaging.work.AggregateType;
import com.draftorders.messaging.work.Bson;
import java.util.List;
import org.bson.BsonReader;
import org.bson.BsonWriter;
import org.springframework.stereotype.Component;

/**
 * draft-service's own copies of orders ({@value #COLLECTION}, id = order id), made from {@code OrderCreated} for
 * re-orders: written once per order (an order's content never changes, so a redelivered event changes nothing) and
 * read per store. They send nothing.
 */
@Component
public class OrderCopies implements AggregateType<OrderCopy> {

    public static final String COLLECTION = "order_copies";

    @Override
    public String collection() {
        return COLLECTION;
    }

    @Override
    public String idOf(OrderCopy copy) {
        return copy.orderId();
    }

    @Override
    public String storeIdOf(OrderCopy copy) {
        return copy.storeId();
    }

    @Override
    public long versionOf(OrderCopy copy) {
        return 1;
    }

    @Override
    public List<OutgoingMessage> messages(OrderCopy copy, Correlation cause) {
        return List.of();
    }

    @Override
    public void write(OrderCopy copy, BsonWriter writer) {
        Bson.fields(writer)
                .string("storeId", copy.storeId())
                .string("orderName", copy.orderName())
                .string("draftOrderId", copy.draftOrderId())
                .document(
                        "customer",
                        copy.customer(),
                        (c, o) -> o.string("email", c.email())
                                .string("phone", c.phone())
                                .string("customerId", c.customerId()))
                .document("content", copy.content(), Drafts::writeContent)
                .string("note", copy.note())
                .strings("tags", copy.tags());
    }

    @Override
    public OrderCopy read(BsonReader reader) {
        var c = new Object() {
            String id;
            String storeId;
            String orderName;
            String draftOrderId;
            DraftOrder.Customer customer;
            DraftContent content;
            String note;
            List<String> tags = List.of();
        };
        Bson.readDocument(reader, (name, in) -> {
            switch (name) {
                case "_id" -> c.id = in.readString();
                case "storeId" -> c.storeId = in.readString();
                case "orderName" -> c.orderName = in.readString();
                case "draftOrderId" -> c.draftOrderId = in.readString();
                case "customer" -> c.customer = Drafts.readCustomer(in);
                case "content" -> c.content = Drafts.readContent(in);
                case "note" -> c.note = in.readString();
                case "tags" -> c.tags = Bson.readStrings(in);
                default -> in.skipValue();
            }
        });
        return new OrderCopy(c.id, c.storeId, c.orderName, c.draftOrderId, c.customer, c.content, c.note, c.tags);
    }
}
