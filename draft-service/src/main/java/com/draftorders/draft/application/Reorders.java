package com.draftorders.draft.application;

import com.draftorders.draft.application.DraftOrderService.NewDraft;
import com.draftorders.draft.domain.DraftDetails;
import com.draftorders.draft.domain.DraftOrder;
import com.draftorders.draft.persistence.OrderCopies;
import com.draftorders.messaging.Ids;
import com.draftorders.messaging.work.AggregateReads;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Re-orders: a new open draft from an existing order of the store ({@code POST /draft-orders/from-order/{id}}),
 * built from draft-service's own copy of the order ({@link OrderCopies}). The new draft is created like any other:
 * new id, number and cart, its cart calculates, {@code DraftOrderCreated} is published.
 */
@Service
public class Reorders {

    private final AggregateReads reads;
    private final OrderCopies orders;
    private final DraftOrderService drafts;

    public Reorders(AggregateReads reads, OrderCopies orders, DraftOrderService drafts) {
        this.reads = reads;
        this.orders = orders;
        this.drafts = drafts;
    }

    /** Empty when the store has no such order (or its OrderCreated has not arrived yet). */
    public Optional<DraftOrder> createFromOrder(String storeId, String orderId) {
        return reads.byId(orders, orderId, storeId)
                .map(order -> drafts.create(
                        storeId,
                        new NewDraft(
                                order.customer(),
                                order.reorderContent(() -> Ids.next("li")),
                                order.note(),
                                order.tags(),
                                DraftDetails.NONE,
                                false)));
    }
}
