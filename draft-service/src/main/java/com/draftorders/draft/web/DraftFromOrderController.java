package com.draftorders.draft.web;

import com.draftorders.draft.application.Reorders;
import com.draftorders.draft.web.DraftOrderJson.DraftOrderResponse;
import com.draftorders.messaging.web.ApiException;
import com.draftorders.messaging.web.StoreId;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Re-order: {@code POST /draft-orders/from-order/{orderId}} makes a new open draft (201) with the order's lines
 * (variant and custom, quantities, unit prices as charged), addresses, email, phone, customer, note and tags. 404 when
 * the store has no such order.
 */
@RestController
@RequestMapping("/draft-orders/from-order")
public class DraftFromOrderController {

    private final Reorders reorders;

    public DraftFromOrderController(Reorders reorders) {
        this.reorders = reorders;
    }

    @PostMapping("/{orderId}")
    public ResponseEntity<DraftOrderResponse> createFromOrder(StoreId store, @PathVariable String orderId) {
        var draft = reorders.createFromOrder(store.value(), orderId)
                .orElseThrow(() -> ApiException.notFound("order " + orderId));
        return ResponseEntity.created(URI.create("/draft-orders/" + draft.id()))
                .eTag(DraftOrderController.etag(draft))
                .body(new DraftOrderResponse(DraftOrderWebMapping.view(draft)));
    }
}
