package com.draftorders.draft.persistence;

import com.draftorders.draft.domain.DraftContent;
import com.draftorders.draft.domain.DraftOrder;
import com.draftorders.draft.domain.OrderCopy;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** An order as draft-service keeps it for re-orders ({@code order_copies}, id = order id, per store). */
@Document(OrderCopyDocument.COLLECTION)
public class OrderCopyDocument {

    public static final String COLLECTION = "order_copies";

    @Id
    private String id;

    @Indexed
    private String storeId;

    private String orderName;
    private String draftOrderId;
    private DraftOrder.Customer customer;
    private DraftContent content;
    private String note;
    private List<String> tags;
    private Instant copiedAt;

    protected OrderCopyDocument() {}

    OrderCopyDocument(OrderCopy copy, Instant copiedAt) {
        this.id = copy.orderId();
        this.storeId = copy.storeId();
        this.orderName = copy.orderName();
        this.draftOrderId = copy.draftOrderId();
        this.customer = copy.customer();
        this.content = copy.content();
        this.note = copy.note();
        this.tags = copy.tags();
        this.copiedAt = copiedAt;
    }

    OrderCopy toCopy() {
        return new OrderCopy(id, storeId, orderName, draftOrderId, customer, content, note, tags);
    }

    public String getId() {
        return id;
    }

    public String getStoreId() {
        return storeId;
    }

    public Instant getCopiedAt() {
        return copiedAt;
    }
}
