package com.draftorders.draft.application;

import com.draftorders.draft.application.DraftOrderService.NewDraft;
import com.draftorders.draft.domain.DraftOrder;
import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * "Calculate without saving" ({@code POST /draft-orders/calculate}): the draft a create request would make, with the
 * totals cart-service calculates for it, saved nowhere and announced to no one. The preview has no id, name or cart.
 */
@Service
public class DraftCalculations {

    private final CartCalculations carts;
    private final Clock clock;

    public DraftCalculations(CartCalculations carts, Clock clock) {
        this.carts = carts;
        this.clock = clock;
    }

    public DraftOrder preview(String storeId, String authorization, NewDraft input) {
        var now = clock.instant();
        DraftOrder draft = DraftOrder.create(
                null,
                storeId,
                null,
                null,
                null,
                null,
                input.customer(),
                input.content(),
                input.note(),
                input.tags(),
                input.details(),
                input.noNotificationOrder(),
                now);
        draft.applyCalculation(carts.calculate(storeId, authorization, input.content(), draft.contentVersion()), now);
        return draft;
    }
}
