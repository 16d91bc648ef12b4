package com.draftorders.cart.web;

import com.draftorders.cart.domain.DiscountCode;
import com.draftorders.cart.domain.DiscountType;
import com.draftorders.cart.persistence.DiscountCodeStore;
import com.draftorders.cart.persistence.DiscountCodeStore.StoredDiscountCode;
import com.draftorders.messaging.web.ApiException;
import com.draftorders.messaging.web.ApiException.FieldError;
import com.draftorders.messaging.web.MoneyFormat;
import com.draftorders.messaging.web.StoreId;
import com.draftorders.schemas.InputRules;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The store's discount rules, which drafts name by code ({@code discount_codes}) and carts resolve when they
 * calculate. Scoped to the caller's store: another store's code is a 404 and never collides.
 *
 * <ul>
 *   <li>{@code PUT /discount-codes/{code}} {@code {"discount_code": {"title", "description", "value_type":
 *       "percentage"|"fixed_amount", "value", "currency", "starts_at", "ends_at", "minimum_subtotal"}}}: creates
 *       (201) or replaces (200) the rule; codes are unique per store ignoring case.
 *   <li>{@code GET /discount-codes}, {@code GET /discount-codes/{code}}, {@code DELETE /discount-codes/{code}} (204;
 *       404 when there is none).
 * </ul>
 *
 * A change applies to carts calculated afterwards; a cart calculated earlier keeps what it resolved until its draft
 * changes again, and a locked cart never changes.
 */
@RestController
@RequestMapping("/discount-codes")
public class DiscountCodeController {

    static final int MAX_TEXT = 255;
    static final int MAX_PERCENT_SCALE = 4;

    private final DiscountCodeStore codes;
    private final Clock clock;

    public DiscountCodeController(DiscountCodeStore codes, Clock clock) {
        this.codes = codes;
        this.clock = clock;
    }

    /** {@code PUT} body. */
    public record PutRequest(DiscountCodeInput discountCode) {}

    /** {@code value} is the percent for {@code percentage}, the amount off in {@code currency} for fixed_amount. */
    public record DiscountCodeInput(
            String title,
            String description,
            String valueType,
            String value,
            String currency,
            Instant startsAt,
            Instant endsAt,
            String minimumSubtotal) {}

    public record DiscountCodeResponse(DiscountCodeView discountCode) {}

    public record DiscountCodeList(List<DiscountCodeView> discountCodes) {}

    public record DiscountCodeView(
            String code,
            String title,
            String description,
            String valueType,
            String value,
            String currency,
            Instant startsAt,
            Instant endsAt,
            String minimumSubtotal,
            Instant createdAt,
            Instant updatedAt) {}

    @PutMapping("/{code}")
    public ResponseEntity<DiscountCodeResponse> put(
            StoreId store, @PathVariable String code, @RequestBody(required = false) PutRequest request) {
        DiscountCode rule = rule(code, request == null ? null : request.discountCode());
        DiscountCodeStore.Put put = codes.put(store.value(), rule, clock.instant());
        return ResponseEntity.status(put.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new DiscountCodeResponse(view(put.stored())));
    }

    @GetMapping
    public DiscountCodeList list(StoreId store) {
        return new DiscountCodeList(codes.list(store.value()).stream()
                .map(DiscountCodeController::view)
                .toList());
    }

    @GetMapping("/{code}")
    public DiscountCodeResponse get(StoreId store, @PathVariable String code) {
        return new DiscountCodeResponse(view(
                codes.find(store.value(), code).orElseThrow(() -> ApiException.notFound("discount code " + code))));
    }

    @DeleteMapping("/{code}")
    public ResponseEntity<Void> delete(StoreId store, @PathVariable String code) {
        if (!codes.delete(store.value(), code)) {
            throw ApiException.notFound("discount code " + code);
        }
        return ResponseEntity.noContent().build();
    }

    /** Parses and validates a rule; every problem at once as a 422 with its field. */
    static DiscountCode rule(String code, DiscountCodeInput input) {
        List<FieldError> errors = new ArrayList<>();
        if (code == null || !DiscountCode.CODE.matcher(code).matches()) {
            errors.add(new FieldError(
                    "code", "must be 1 to 64 letters, digits, '_', '-' or '.', starting with a letter or digit"));
        }
        if (input == null) {
            errors.add(new FieldError("discount_code", "is required"));
            throw ApiException.invalid(errors);
        }
        if (input.title() == null
                || input.title().isBlank()
                || input.title().length() > MAX_TEXT
                || !InputRules.isText(input.title())) {
            errors.add(new FieldError(
                    "discount_code.title", "must be 1 to " + MAX_TEXT + " characters without control characters"));
        }
        if (input.description() != null
                && (input.description().length() > MAX_TEXT || !InputRules.isText(input.description()))) {
            errors.add(new FieldError(
                    "discount_code.description",
                    "must be at most " + MAX_TEXT + " characters without control characters"));
        }
        String currency = input.currency();
        if (currency != null && !MoneyFormat.isCurrency(currency)) {
            errors.add(new FieldError("discount_code.currency", InputRules.CURRENCY_RULE));
            currency = null;
        }
        String type = input.valueType() == null ? "" : input.valueType().toLowerCase(Locale.ROOT);
        DiscountType valueType = null;
        BigDecimal percentage = null;
        Long fixedAmount = null;
        if (type.equals("percentage")) {
            valueType = DiscountType.PERCENTAGE;
            percentage = InputRules.decimal(input.value());
            if (percentage == null
                    || percentage.compareTo(BigDecimal.valueOf(100)) > 0
                    || percentage.scale() > MAX_PERCENT_SCALE) {
                errors.add(new FieldError(
                        "discount_code.value",
                        "must be a percentage from 0 to 100 as a decimal string with at most " + MAX_PERCENT_SCALE
                                + " decimal places, such as \"12.5\""));
            }
        } else if (type.equals("fixed_amount")) {
            valueType = DiscountType.FIXED_AMOUNT;
            if (currency == null) {
                errors.add(new FieldError("discount_code.currency", "is required for a fixed_amount discount code"));
            } else {
                fixedAmount = money(errors, "discount_code.value", input.value(), currency);
            }
        } else {
            errors.add(new FieldError("discount_code.value_type", "must be fixed_amount or percentage"));
        }
        Long minimum = null;
        if (input.minimumSubtotal() != null) {
            if (currency == null) {
                errors.add(new FieldError("discount_code.currency", "is required with a minimum_subtotal"));
            } else {
                minimum = money(errors, "discount_code.minimum_subtotal", input.minimumSubtotal(), currency);
            }
        }
        if (input.startsAt() != null
                && input.endsAt() != null
                && !input.startsAt().isBefore(input.endsAt())) {
            errors.add(new FieldError("discount_code.ends_at", "must be after starts_at"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors.stream().distinct().toList());
        }
        return new DiscountCode(
                code,
                input.title(),
                input.description(),
                valueType,
                percentage,
                fixedAmount,
                currency,
                input.startsAt(),
                input.endsAt(),
                minimum);
    }

    private static Long money(List<FieldError> errors, String field, String amount, String currency) {
        try {
            return MoneyFormat.parse(amount, currency);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, e.getMessage()));
            return null;
        }
    }

    private static DiscountCodeView view(StoredDiscountCode stored) {
        DiscountCode rule = stored.rule();
        boolean percentage = rule.valueType() == DiscountType.PERCENTAGE;
        return new DiscountCodeView(
                rule.code(),
                rule.title(),
                rule.description(),
                rule.valueType().name().toLowerCase(Locale.ROOT),
                percentage
                        ? rule.percentage().toPlainString()
                        : MoneyFormat.format(rule.fixedAmount(), rule.currency()),
                rule.currency(),
                rule.startsAt(),
                rule.endsAt(),
                rule.minimumSubtotal() == null ? null : MoneyFormat.format(rule.minimumSubtotal(), rule.currency()),
                stored.createdAt(),
                stored.updatedAt());
    }
}
