package com.draftorders.draft.web;

import com.draftorders.draft.DraftProperties;
import com.draftorders.draft.application.CartCalculations.CartServiceException;
import com.draftorders.draft.application.DraftCalculations;
import com.draftorders.draft.web.DraftOrderJson.CreateRequest;
import com.draftorders.draft.web.DraftOrderJson.DraftOrderResponse;
import com.draftorders.messaging.web.ApiException;
import com.draftorders.messaging.web.StoreId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /draft-orders/calculate}: the totals a draft would have, saving nothing and publishing nothing. The
 * body is the same as for create and is validated the same way (422 with every field); the answer is the draft as
 * it would be, {@code ready}, with its totals, and without id, name or cart. cart-service calculates
 * ({@code POST /carts/calculate}); when it cannot be reached the answer is 503 {@code cart_service_unavailable}.
 */
@RestController
@RequestMapping("/draft-orders")
public class DraftCalculationController {

    private static final Logger log = LoggerFactory.getLogger(DraftCalculationController.class);

    private final DraftCalculations calculations;
    private final DraftProperties properties;

    public DraftCalculationController(DraftCalculations calculations, DraftProperties properties) {
        this.calculations = calculations;
        this.properties = properties;
    }

    @PostMapping("/calculate")
    public DraftOrderResponse calculate(
            StoreId store,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody(required = false) CreateRequest request) {
        var input = DraftOrderWebMapping.toNewDraft(
                request == null ? null : request.draftOrder(), properties.shopCurrency(store.value()));
        try {
            return new DraftOrderResponse(
                    DraftOrderWebMapping.view(calculations.preview(store.value(), authorization, input)));
        } catch (CartServiceException e) {
            if (e.status() == HttpStatus.UNPROCESSABLE_CONTENT.value()) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid", e.getMessage());
            }
            if (e.status() == HttpStatus.UNAUTHORIZED.value() || e.status() == HttpStatus.FORBIDDEN.value()) {
                throw new ApiException(HttpStatus.valueOf(e.status()), "cart_service_refused", e.getMessage());
            }
            log.warn("calculate: {}", e.getMessage());
            throw new ApiException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "cart_service_unavailable",
                    "the totals cannot be calculated right now; try again");
        }
    }
}
