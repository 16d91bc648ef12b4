package com.draftorders.cart.web;

import com.draftorders.cart.domain.AppliedDiscount;
import com.draftorders.cart.domain.CartCalculator;
import com.draftorders.cart.domain.CartContent;
import com.draftorders.cart.domain.DiscountType;
import com.draftorders.cart.domain.InvalidCartContentException;
import com.draftorders.cart.domain.LineItem;
import com.draftorders.cart.domain.ShippingLine;
import com.draftorders.cart.persistence.DiscountCodeStore;
import com.draftorders.messaging.web.ApiException;
import com.draftorders.messaging.web.ApiException.FieldError;
import com.draftorders.messaging.web.MoneyFormat;
import com.draftorders.messaging.web.StoreId;
import com.draftorders.schemas.InputRules;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Calculates a cart's content without saving anything ({@code POST /carts/calculate}): the answer is the same view
 * as {@code GET /carts/{id}}, without id, type, draft or lock. draft-service uses it for
 * {@code POST /draft-orders/calculate}.
 */
@RestController
@RequestMapping("/carts")
public class CartCalculationController {

    /** The most line items a cart may have (as a draft). */
    static final int MAX_LINE_ITEMS = 499;

    static final int MAX_QUANTITY = 1_000_000;

    /** The most discount codes a cart may carry. */
    static final int MAX_DISCOUNT_CODES = 5;

    private final CartCalculator calculator;
    private final DiscountCodeStore discountCodes;
    private final Clock clock;

    public CartCalculationController(CartCalculator calculator, DiscountCodeStore discountCodes, Clock clock) {
        this.calculator = calculator;
        this.discountCodes = discountCodes;
        this.clock = clock;
    }

    @PostMapping("/calculate")
    public CartView calculate(StoreId store, @RequestBody(required = false) CartCalculationRequest request) {
        CartContent content = content(request);
        try {
            return CartView.ofCalculation(calculator.calculate(
                    content, discountCodes.forStore(store.value(), content.discountCodes()), clock.instant()));
        } catch (InvalidCartContentException e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid", e.getMessage());
        }
    }

    /** Parses the request; every problem is reported at once as a 422 with its field. */
    static CartContent content(CartCalculationRequest request) {
        if (request == null) {
            throw ApiException.invalid("currency", "is required");
        }
        String currency = request.currency();
        if (!MoneyFormat.isCurrency(currency)) {
            throw ApiException.invalid("currency", InputRules.CURRENCY_RULE);
        }
        List<FieldError> errors = new ArrayList<>();
        var inputs = request.lineItems() == null ? List.<CartCalculationRequest.Line>of() : request.lineItems();
        if (inputs.size() > MAX_LINE_ITEMS) {
            throw ApiException.invalid("line_items", "must contain at most " + MAX_LINE_ITEMS + " line items");
        }
        List<LineItem> lines = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            var line = inputs.get(i);
            String at = "line_items[" + i + "]";
            if (line == null) {
                errors.add(new FieldError(at, "must not be null"));
                continue;
            }
            int quantity = line.quantity() == null ? 1 : line.quantity();
            if (quantity < 1 || quantity > MAX_QUANTITY) {
                errors.add(new FieldError(at + ".quantity", "must be between 1 and " + MAX_QUANTITY));
            }
            long grams = line.grams() == null ? 0 : line.grams();
            if (grams < 0) {
                errors.add(new FieldError(at + ".grams", "must not be negative"));
            }
            lines.add(new LineItem(
                    line.id() == null ? "line_" + (i + 1) : line.id(),
                    line.variantId(),
                    line.productId(),
                    line.sku(),
                    line.title(),
                    line.variantTitle(),
                    quantity,
                    money(errors, at + ".price", line.price(), currency, true),
                    line.originalPrice() == null
                            ? null
                            : money(errors, at + ".original_price", line.originalPrice(), currency, false),
                    grams,
                    line.taxable() == null || line.taxable(),
                    line.requiresShipping() == null || line.requiresShipping(),
                    discount(errors, at + ".applied_discount", line.appliedDiscount(), currency)));
        }
        var shipping = request.shippingLine() == null
                ? null
                : new ShippingLine(
                        request.shippingLine().title(),
                        money(
                                errors,
                                "shipping_line.price",
                                request.shippingLine().price(),
                                currency,
                                true),
                        request.shippingLine().code());
        var discount = discount(errors, "applied_discount", request.appliedDiscount(), currency);
        String presentmentCurrency = request.presentmentCurrency();
        if (presentmentCurrency != null && !MoneyFormat.isCurrency(presentmentCurrency)) {
            errors.add(new FieldError("presentment_currency", InputRules.CURRENCY_RULE));
        }
        BigDecimal exchangeRate = null;
        if (request.exchangeRate() != null) {
            exchangeRate = InputRules.decimal(request.exchangeRate());
            if (exchangeRate == null) {
                errors.add(new FieldError(
                        "exchange_rate",
                        "must be a decimal string of digits such as \"1.0850\" (no sign or exponent)"));
            }
        }
        List<String> codes = request.discountCodes() == null ? List.of() : request.discountCodes();
        if (codes.size() > MAX_DISCOUNT_CODES) {
            errors.add(new FieldError("discount_codes", "must contain at most " + MAX_DISCOUNT_CODES + " codes"));
        } else if (codes.stream().anyMatch(c -> c == null || c.length() > 64)) {
            errors.add(new FieldError("discount_codes", "each code must be 1 to 64 characters"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new CartContent(
                currency,
                lines,
                discount,
                shipping,
                request.shippingAddress(),
                request.billingAddress(),
                Boolean.TRUE.equals(request.taxesIncluded()),
                Boolean.TRUE.equals(request.taxExempt()),
                presentmentCurrency,
                exchangeRate,
                codes);
    }

    private static long money(List<FieldError> errors, String field, String amount, String currency, boolean required) {
        if (amount == null) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return 0;
        }
        try {
            return MoneyFormat.parse(amount, currency);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, e.getMessage()));
            return 0;
        }
    }

    private static AppliedDiscount discount(
            List<FieldError> errors, String field, CartCalculationRequest.Discount discount, String currency) {
        if (discount == null) {
            return null;
        }
        String type = discount.valueType() == null ? "" : discount.valueType().toLowerCase(Locale.ROOT);
        if (type.equals("percentage")) {
            BigDecimal percent = InputRules.decimal(discount.value());
            if (percent == null || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                errors.add(new FieldError(
                        field + ".value", "must be a percentage from 0 to 100 as a decimal string such as \"10\""));
                return null;
            }
            return new AppliedDiscount(
                    discount.title(), discount.description(), DiscountType.PERCENTAGE, percent, null);
        }
        if (type.equals("fixed_amount")) {
            return new AppliedDiscount(
                    discount.title(),
                    discount.description(),
                    DiscountType.FIXED_AMOUNT,
                    null,
                    money(errors, field + ".value", discount.value(), currency, true));
        }
        errors.add(new FieldError(field + ".value_type", "must be fixed_amount or percentage"));
        return null;
    }
}
