package com.draftorders.cart.web;

import com.draftorders.cart.persistence.CartDocument;
import com.draftorders.cart.persistence.CartDocumentMapper;
import com.draftorders.cart.persistence.CartRepository;
import com.draftorders.messaging.web.ApiException;
import com.draftorders.messaging.web.StoreId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Read-only view of carts for operators; scoped to the caller's store (another store's cart is a 404). */
@RestController
@RequestMapping("/carts")
public class CartController {

    private final CartRepository carts;

    public CartController(CartRepository carts) {
        this.carts = carts;
    }

    @GetMapping("/{id}")
    public CartView get(StoreId store, @PathVariable String id) {
        CartDocument document =
                carts.findInStore(id, store.value()).orElseThrow(() -> ApiException.notFound("cart " + id));
        return CartView.of(
                CartDocumentMapper.toDomain(document),
                CartDocumentMapper.lockedAt(document),
                document.getCreatedAt(),
                document.getUpdatedAt());
    }
}
