package com.draftorders.draft.domain;

import java.time.Instant;
import java.util.List;

/** Drafts and calculations for domain tests. */
final class DraftOrderFixtures {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private DraftOrderFixtures() {}

    static DraftContent content() {
        return new DraftContent(
                "EUR",
                List.of(new DraftContent.LineItem(
                        "li_1", "var_1", null, "MUG", "Mug", null, 2, 1999, null, 350, true, true, null)),
                null,
                null,
                null,
                null,
                false,
                false);
    }

    static DraftOrder newDraft() {
        var draft = DraftOrder.create(
                "dorder_1",
                "dev",
                "#D1001",
                "cart_1",
                null,
                null,
                new DraftOrder.Customer("ada@example.com", null, null),
                content(),
                null,
                List.of(),
                DraftDetails.NONE,
                false,
                NOW);
        draft.pullEvents();
        return draft;
    }

    static DraftOrder readyDraft() {
        var draft = newDraft();
        draft.applyCalculation(calculation(draft.contentVersion(), 3998), NOW);
        draft.pullEvents();
        return draft;
    }

    static CartCalculation calculation(long draftVersion, long total) {
        return new CartCalculation(
                draftVersion,
                new CartCalculation.Totals(total, 0, total, 0, 0, total, 2, 700),
                List.of(new CartCalculation.LineCalculation("li_1", null, List.of(), total)),
                null,
                List.of(),
                List.of());
    }

    /** A draft whose completion has reached the payment authorization. */
    static DraftOrder authorizing() {
        var draft = readyDraft();
        draft.complete(false, "system", null, NOW);
        draft.cartLocked(1, draft.contentVersion(), 3998, "pay_1", new byte[] {1, 2, 3}, NOW);
        draft.pullEvents();
        return draft;
    }

    /** A completed draft (order_1). */
    static DraftOrder completed() {
        var draft = authorizing();
        draft.paymentAuthorized("pay_1", NOW);
        draft.orderCreated("order_1", "pay_1", NOW);
        draft.pullEvents();
        return draft;
    }

    /** A ready draft whose completion has started. */
    static DraftOrder completing() {
        var draft = readyDraft();
        draft.complete(false, "system", null, NOW);
        draft.pullEvents();
        return draft;
    }

    static DraftOrder canceled() {
        var draft = readyDraft();
        draft.cancel("changed their mind", NOW);
        draft.pullEvents();
        return draft;
    }

    /** An edit that keeps everything as it is (tests change one part of it). */
    static DraftOrder.Edit unchanged(DraftOrder draft) {
        return new DraftOrder.Edit(draft.customer(), draft.content(), draft.note(), draft.tags(), draft.details());
    }

    static DraftContent withQuantity(DraftContent content, int quantity) {
        var line = content.lineItems().get(0);
        return new DraftContent(
                content.currency(),
                java.util.List.of(new DraftContent.LineItem(
                        line.id(),
                        line.variantId(),
                        line.productId(),
                        line.sku(),
                        line.title(),
                        line.variantTitle(),
                        quantity,
                        line.price(),
                        line.originalPrice(),
                        line.grams(),
                        line.taxable(),
                        line.requiresShipping(),
                        line.appliedDiscount())),
                content.appliedDiscount(),
                content.shippingLine(),
                content.shippingAddress(),
                content.billingAddress(),
                content.taxesIncluded(),
                content.taxExempt());
    }

    static Invoice invoice(String to) {
        return new Invoice(
                to, "shop@example.com", "Your order", "Thanks!", "https://shop.test/invoices/dorder_1?token=t");
    }
}
