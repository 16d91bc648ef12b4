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
        draft.cartLocked(1, draft.contentVersion(), 3998, "pay_1", NOW);
        draft.pullEvents();
        return draft;
    }
}
