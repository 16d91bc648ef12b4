package com.draftorders.order.web;

import com.draftorders.messaging.web.ApiException;
import com.draftorders.messaging.web.StoreId;
import com.draftorders.order.persistence.OrderDocuments;
import com.draftorders.order.persistence.OrderStore;
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

    private final OrderStore store;

    public OrderController(OrderStore store) {
        this.store = store;
    }

    @GetMapping("/{id}")
    public OrderView get(StoreId storeId, @PathVariable String id) {
        return store.findById(storeId.value(), id)
                .map(OrderDocuments::toOrder)
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
        List<OrderView> orders = store.findByDraftOrderId(storeId.value(), draftOrderId).stream()
                .map(OrderDocuments::toOrder)
                .map(OrderPresenter::present)
                .toList();
        return new OrderList(orders);
    }
}
