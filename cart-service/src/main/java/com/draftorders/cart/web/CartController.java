package com.draftorders.cart.web;

import com.draftorders.cart.persistence.Carts;
import com.draftorders.messaging.web.ApiException;
import com.draftorders.messaging.web.StoreId;
import com.draftorders.messaging.work.AggregateReads;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Read-only view of carts for operators; scoped to the caller's store (another store's cart is a 404). */
@RestController
@RequestMapping("/carts")
public class CartController {

    private final AggregateReads reads;
    private final Carts carts;

    public CartController(AggregateReads reads, Carts carts) {
        this.reads = reads;
        this.carts = carts;
    }

    @GetMapping("/{id}")
    public CartView get(StoreId store, @PathVariable String id) {
        return reads.byId(carts, id, store.value())
                .map(CartView::of)
                .orElseThrow(() -> ApiException.notFound("cart " + id));
    }
}
