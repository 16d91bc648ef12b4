package com.draftorders.order.web;

import com.draftorders.messaging.web.ApiException;
import com.draftorders.messaging.web.StoreId;
import com.draftorders.messaging.work.AggregateReads;
import com.draftorders.order.persistence.Orders;
import com.draftorders.order.web.OrderView.OrderList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Orders of the caller's store; another store's order is not found. */
@RestController
@RequestMapping("/orders")
public class OrderController {

    private final AggregateReads reads;
    private final Orders orders;

    public OrderController(AggregateReads reads, Orders orders) {
        this.reads = reads;
        this.orders = orders;
    }

    @GetMapping("/{id}")
    public OrderView get(StoreId storeId, @PathVariable String id) {
        return reads.byId(orders, id, storeId.value())
                .map(OrderPresenter::present)
                .orElseThrow(() -> ApiException.notFound("order " + id));
    }

    /** The order of one draft, as a list of zero or one. */
    @GetMapping
    public OrderList byDraft(
            StoreId storeId, @RequestParam(name = "draft_order_id", required = false) String draftOrderId) {
        if (draftOrderId == null || draftOrderId.isBlank()) {
            throw ApiException.invalid("draft_order_id", "is required");
        }
        List<OrderView> found = reads.by(orders, Orders.DRAFT_ORDER_ID, draftOrderId, storeId.value()).stream()
                .map(OrderPresenter::present)
                .toList();
        return new OrderList(found);
    }
}
