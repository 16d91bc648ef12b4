package com.draftorders.draft.web;

import com.draftorders.draft.application.DraftOrderService.NewDraft;
import com.draftorders.draft.domain.CartCalculation;
import com.draftorders.draft.domain.DraftContent;
import com.draftorders.draft.domain.DraftDetails;
import com.draftorders.draft.domain.DraftOrder;
import com.draftorders.draft.domain.DraftValidation;
import com.draftorders.draft.web.DraftOrderJson.Address;
import com.draftorders.draft.web.DraftOrderJson.CustomAttributeJson;
import com.draftorders.draft.web.DraftOrderJson.CustomerRef;
import com.draftorders.draft.web.DraftOrderJson.Discount;
import com.draftorders.draft.web.DraftOrderJson.DraftOrderInput;
import com.draftorders.draft.web.DraftOrderJson.DraftOrderView;
import com.draftorders.draft.web.DraftOrderJson.LineItemInput;
import com.draftorders.draft.web.DraftOrderJson.LineItemView;
import com.draftorders.draft.web.DraftOrderJson.MetafieldJson;
import com.draftorders.draft.web.DraftOrderJson.PaymentTermsJson;
import com.draftorders.draft.web.DraftOrderJson.ShippingLineView;
import com.draftorders.draft.web.DraftOrderJson.TaxLineView;
import com.draftorders.messaging.Ids;
import com.draftorders.messaging.web.ApiException;
import com.draftorders.messaging.web.ApiException.FieldError;
import com.draftorders.messaging.web.MoneyFormat;
import com.draftorders.messaging.web.MoneySet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/** Between the REST shapes and the domain: decimal money strings in, minor units inside, and back. */
final class DraftOrderWebMapping {

    private DraftOrderWebMapping() {}

    /**
     * Parses and validates a create request; every problem is reported at once as a 422 with its field.
     *
     * @param defaultCurrency used when the request names none
     */
    static NewDraft toNewDraft(DraftOrderInput input, String defaultCurrency) {
        if (input == null) {
            throw ApiException.invalid("draft_order", "is required");
        }
        List<FieldError> errors = new ArrayList<>();
        String currency = input.currency() == null ? defaultCurrency : input.currency();
        // An unknown currency is reported with every other problem (by the validation below, with the same rule as
        // Kafka's); meanwhile the amounts are read with two decimals.
        String amounts = MoneyFormat.isCurrency(currency) ? currency : "EUR";
        var inputs = input.lineItems() == null ? List.<LineItemInput>of() : input.lineItems();
        List<DraftContent.LineItem> lines = lines(errors, inputs, amounts, Set.of());
        var shipping = shippingLine(errors, input.shippingLine(), amounts);
        var shippingAddress = address(input.shippingAddress());
        var content = new DraftContent(
                currency,
                lines,
                discount(errors, "applied_discount", input.appliedDiscount(), amounts),
                shipping,
                shippingAddress,
                billingAddress(errors, input, shippingAddress, address(input.billingAddress())),
                Boolean.TRUE.equals(input.taxesIncluded()),
                Boolean.TRUE.equals(input.taxExempt()),
                input.presentmentCurrency(),
                input.exchangeRate(),
                input.discountCodes());
        var customer = new DraftOrder.Customer(
                input.email(),
                input.phone(),
                input.customer() == null ? null : input.customer().id());
        List<String> tags = tags(input.tags());
        var details = new DraftDetails(
                metafields(input.metafields()),
                customAttributes(input.customAttributes()),
                input.poNumber(),
                input.sourceName(),
                Boolean.TRUE.equals(input.visibleToCustomer()),
                input.reserveInventoryUntil(),
                localizedFields(input.localizedFields()),
                Boolean.TRUE.equals(input.allowDiscountCodesInCheckout()),
                purchasingEntity(input.purchasingEntity()));
        if (inputs.size() <= DraftValidation.MAX_LINE_ITEMS) {
            validate(errors, customer, content, input.note(), tags, details);
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new NewDraft(
                customer, content, input.note(), tags, details, Boolean.TRUE.equals(input.noNotificationOrder()));
    }

    /**
     * Merges a partial update into the draft as it is: every field present in {@code present} (the JSON object of
     * {@code draft_order}) replaces the current value, {@code null} clearing it ({@code line_items} replace the whole
     * list; a line item naming the {@code id} of a current line keeps that id). The result is validated like a new
     * draft; every problem is reported at once as a 422. The currency cannot change.
     */
    static DraftOrder.Edit toEdit(DraftOrder current, JsonNode present, DraftOrderInput input) {
        List<FieldError> errors = new ArrayList<>();
        var content = current.content();
        String currency = content.currency();
        if (present.has("currency") && (input.currency() == null || !currency.equalsIgnoreCase(input.currency()))) {
            errors.add(new FieldError("currency", "cannot be changed; it is " + currency));
        }
        List<DraftContent.LineItem> lines = content.lineItems();
        int lineCount = lines.size();
        if (present.has("line_items")) {
            var inputs = input.lineItems() == null ? List.<LineItemInput>of() : input.lineItems();
            lineCount = inputs.size();
            Set<String> currentIds = new HashSet<>();
            content.lineItems().forEach(l -> currentIds.add(l.id()));
            lines = lines(errors, inputs, currency, currentIds);
        }
        var shipping = content.shippingLine();
        if (present.has("shipping_line")) {
            shipping = shippingLine(errors, input.shippingLine(), currency);
        }
        var shippingAddress =
                present.has("shipping_address") ? address(input.shippingAddress()) : content.shippingAddress();
        var newContent = new DraftContent(
                currency,
                lines,
                present.has("applied_discount")
                        ? discount(errors, "applied_discount", input.appliedDiscount(), currency)
                        : content.appliedDiscount(),
                shipping,
                shippingAddress,
                billingAddress(
                        errors,
                        input,
                        shippingAddress,
                        present.has("billing_address") ? address(input.billingAddress()) : content.billingAddress()),
                present.has("taxes_included") ? Boolean.TRUE.equals(input.taxesIncluded()) : content.taxesIncluded(),
                present.has("tax_exempt") ? Boolean.TRUE.equals(input.taxExempt()) : content.taxExempt(),
                present.has("presentment_currency") ? input.presentmentCurrency() : content.presentmentCurrency(),
                present.has("exchange_rate") ? input.exchangeRate() : content.exchangeRate(),
                present.has("discount_codes") ? input.discountCodes() : content.discountCodes());
        var customer = current.customer() == null ? new DraftOrder.Customer(null, null, null) : current.customer();
        var newCustomer = new DraftOrder.Customer(
                present.has("email") ? input.email() : customer.email(),
                present.has("phone") ? input.phone() : customer.phone(),
                present.has("customer")
                        ? input.customer() == null ? null : input.customer().id()
                        : customer.customerId());
        String note = present.has("note") ? input.note() : current.note();
        List<String> tags = present.has("tags") ? tags(input.tags()) : current.tags();
        var details = current.details();
        var newDetails = new DraftDetails(
                present.has("metafields") ? metafields(input.metafields()) : details.metafields(),
                present.has("custom_attributes")
                        ? customAttributes(input.customAttributes())
                        : details.customAttributes(),
                present.has("po_number") ? input.poNumber() : details.poNumber(),
                present.has("source_name") ? input.sourceName() : details.sourceName(),
                present.has("visible_to_customer")
                        ? Boolean.TRUE.equals(input.visibleToCustomer())
                        : details.visibleToCustomer(),
                present.has("reserve_inventory_until")
                        ? input.reserveInventoryUntil()
                        : details.reserveInventoryUntil(),
                present.has("localized_fields") ? localizedFields(input.localizedFields()) : details.localizedFields(),
                present.has("allow_discount_codes_in_checkout")
                        ? Boolean.TRUE.equals(input.allowDiscountCodesInCheckout())
                        : details.allowDiscountCodesInCheckout(),
                present.has("purchasing_entity")
                        ? purchasingEntity(input.purchasingEntity())
                        : details.purchasingEntity());
        if (lineCount <= DraftValidation.MAX_LINE_ITEMS) {
            validate(errors, newCustomer, newContent, note, tags, newDetails);
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new DraftOrder.Edit(newCustomer, newContent, note, tags, newDetails);
    }

    private static void validate(
            List<FieldError> errors,
            DraftOrder.Customer customer,
            DraftContent content,
            String note,
            List<String> tags,
            DraftDetails details) {
        DraftValidation.validate(customer, content, note, tags, details).stream()
                .map(v -> new FieldError(v.field(), v.reason()))
                .filter(e -> errors.stream().noneMatch(seen -> seen.field().equals(e.field())))
                .forEach(errors::add);
    }

    /**
     * Parses line items, reporting more than the limit (and parsing at most one more than it). A line naming the id
     * of one of {@code keepableIds} keeps it; every other line gets a new id.
     */
    private static List<DraftContent.LineItem> lines(
            List<FieldError> errors, List<LineItemInput> inputs, String currency, Set<String> keepableIds) {
        if (inputs.size() > DraftValidation.MAX_LINE_ITEMS) {
            errors.add(new FieldError(
                    "line_items", "must contain at most " + DraftValidation.MAX_LINE_ITEMS + " line items"));
        }
        List<DraftContent.LineItem> lines = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < inputs.size() && i <= DraftValidation.MAX_LINE_ITEMS; i++) {
            var line = inputs.get(i);
            String at = "line_items[" + i + "]";
            if (line == null) {
                errors.add(new FieldError(at, "must not be null"));
                continue;
            }
            String id = line.id() != null && keepableIds.contains(line.id()) && used.add(line.id())
                    ? line.id()
                    : Ids.next("li");
            lines.add(new DraftContent.LineItem(
                    id,
                    line.variantId(),
                    line.productId(),
                    line.sku(),
                    line.title(),
                    line.variantTitle(),
                    line.quantity() == null ? 1 : line.quantity(),
                    money(errors, at + ".price", line.price(), currency, true),
                    line.originalPrice() == null
                            ? null
                            : money(errors, at + ".original_price", line.originalPrice(), currency, false),
                    line.grams() == null ? 0 : line.grams(),
                    line.taxable() == null || line.taxable(),
                    line.requiresShipping() == null || line.requiresShipping(),
                    discount(errors, at + ".applied_discount", line.appliedDiscount(), currency)));
        }
        return lines;
    }

    private static List<DraftDetails.LocalizedField> localizedFields(List<DraftOrderJson.LocalizedFieldJson> input) {
        if (input == null) {
            return List.of();
        }
        return input.stream()
                .filter(java.util.Objects::nonNull)
                .map(f -> new DraftDetails.LocalizedField(f.key(), f.value(), upper(f.countryCode())))
                .toList();
    }

    private static DraftDetails.PurchasingEntity purchasingEntity(DraftOrderJson.PurchasingEntityJson input) {
        return input == null
                ? null
                : new DraftDetails.PurchasingEntity(
                        blankToNull(input.customerId()),
                        blankToNull(input.companyId()),
                        blankToNull(input.companyLocationId()),
                        blankToNull(input.companyContactId()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static List<DraftDetails.Metafield> metafields(List<MetafieldJson> input) {
        if (input == null) {
            return List.of();
        }
        return input.stream()
                .map(m -> m == null
                        ? null
                        : new DraftDetails.Metafield(
                                m.namespace(),
                                m.key(),
                                m.value(),
                                m.type() == null ? "single_line_text_field" : m.type()))
                .toList();
    }

    private static List<DraftDetails.CustomAttribute> customAttributes(List<CustomAttributeJson> input) {
        if (input == null) {
            return List.of();
        }
        return input.stream()
                .map(a -> a == null ? null : new DraftDetails.CustomAttribute(a.key(), a.value()))
                .toList();
    }

    static List<String> tags(String tags) {
        if (tags == null || tags.isBlank()) {
            return List.of();
        }
        return Arrays.stream(tags.split(","))
                .map(String::trim)
                .filter(t -> !t.isEmpty())
                .distinct()
                .toList();
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

    private static DraftContent.AppliedDiscount discount(
            List<FieldError> errors, String field, Discount discount, String currency) {
        if (discount == null) {
            return null;
        }
        if ("percentage".equals(discount.valueType())) {
            return new DraftContent.AppliedDiscount(
                    discount.title(),
                    discount.description(),
                    DraftContent.DiscountType.PERCENTAGE,
                    discount.value(),
                    null);
        }
        if ("fixed_amount".equals(discount.valueType())) {
            return new DraftContent.AppliedDiscount(
                    discount.title(),
                    discount.description(),
                    DraftContent.DiscountType.FIXED_AMOUNT,
                    null,
                    money(errors, field + ".value", discount.value(), currency, true));
        }
        errors.add(new FieldError(field + ".value_type", "must be fixed_amount or percentage"));
        return null;
    }

    /**
     * {@code billing_matches_shipping: true} copies the shipping address into the billing address at the time of the
     * request (afterwards the response's flag says whether the two are still the same); a different billing address
     * in the same request contradicts it.
     */
    private static DraftContent.Address billingAddress(
            List<FieldError> errors,
            DraftOrderInput input,
            DraftContent.Address shipping,
            DraftContent.Address billing) {
        if (!Boolean.TRUE.equals(input.billingMatchesShipping())) {
            return billing;
        }
        if (shipping == null) {
            errors.add(new FieldError("billing_matches_shipping", "needs a shipping_address to copy"));
        } else if (input.billingAddress() != null && !shipping.equals(billing)) {
            errors.add(new FieldError(
                    "billing_address", "differs from shipping_address although billing_matches_shipping is true"));
        }
        return shipping;
    }

    private static DraftContent.ShippingLine shippingLine(
            List<FieldError> errors, DraftOrderJson.ShippingLineInput input, String currency) {
        return input == null
                ? null
                : new DraftContent.ShippingLine(
                        input.title(),
                        money(errors, "shipping_line.price", input.price(), currency, true),
                        input.code());
    }

    private static DraftContent.Address address(Address a) {
        if (a == null) {
            return null;
        }
        return new DraftContent.Address(
                a.firstName(),
                a.lastName(),
                a.company(),
                a.address1(),
                a.address2(),
                a.city(),
                upper(a.provinceCode()),
                upper(a.countryCode()),
                a.zip(),
                a.phone());
    }

    private static String upper(String code) {
        return code == null ? null : code.toUpperCase(Locale.ROOT);
    }

    static DraftOrderView view(DraftOrder draft) {
        var s = draft.state();
        String currency = s.content().currency();
        Function<Long, String> money = minor -> minor == null ? null : MoneyFormat.format(minor, currency);
        // While the cart recalculates (ready: false) the last calculation stays visible, as Shopify's drafts do; null
        // only before the first one.
        CartCalculation calc = s.calculation();
        var presentment = calc == null ? null : calc.presentment();
        // without a presentment calculation (a cart calculated before there was one) the customer saw shop amounts
        String presentmentCurrency = presentment != null
                ? presentment.currency()
                : s.content().presentmentCurrency() == null
                        ? currency
                        : s.content().presentmentCurrency();
        String exchangeRate = presentment != null
                ? presentment.exchangeRate()
                : s.content().exchangeRate() == null ? "1" : s.content().exchangeRate();
        Sets sets = new Sets(currency, presentment == null ? currency : presentment.currency(), presentment != null);
        Map<String, CartCalculation.LineCalculation> lineCalcs = calc == null
                ? Map.of()
                : calc.lines().stream()
                        .collect(Collectors.toMap(
                                CartCalculation.LineCalculation::lineItemId, Function.identity(), (a, b) -> a));
        Map<String, CartCalculation.LinePresentment> linePresentments = presentment == null
                ? Map.of()
                : presentment.lines().stream()
                        .collect(Collectors.toMap(
                                CartCalculation.LinePresentment::lineItemId, Function.identity(), (a, b) -> a));
        List<LineItemView> lines = s.content().lineItems().stream()
                .map(l -> {
                    var lc = lineCalcs.get(l.id());
                    var lp = linePresentments.get(l.id());
                    return new LineItemView(
                            l.id(),
                            l.variantId(),
                            l.productId(),
                            l.sku(),
                            l.title(),
                            l.variantTitle(),
                            l.isCustom(),
                            l.quantity(),
                            money.apply(l.price()),
                            l.grams(),
                            l.taxable(),
                            l.requiresShipping(),
                            discountView(
                                    l.appliedDiscount(),
                                    lc == null ? null : lc.discountAmount(),
                                    lp == null ? null : lp.discountAmount(),
                                    currency,
                                    sets),
                            lc == null ? List.of() : taxLines(lc.taxLines(), lp == null ? null : lp.taxLines(), sets),
                            lc == null ? null : money.apply(lc.discountedTotal()),
                            calc == null ? null : sets.of(l.price(), lp == null ? null : lp.price()),
                            lc == null
                                    ? null
                                    : sets.of(lc.discountedTotal(), lp == null ? null : lp.discountedTotal()));
                })
                .toList();
        var shipping = s.content().shippingLine();
        var totals = calc == null ? null : calc.totals();
        var pt = presentment == null ? null : presentment.totals();
        var customer = s.customer();
        var terms = s.completion() == null ? null : s.completion().paymentTerms();
        return new DraftOrderView(
                s.id(),
                s.name(),
                s.status().name().toLowerCase(Locale.ROOT),
                s.version(),
                draft.isReady(),
                s.cartId(),
                s.orderId(),
                s.channel(),
                s.externalReference(),
                currency,
                customer == null ? null : customer.email(),
                customer == null ? null : customer.phone(),
                customer == null || customer.customerId() == null ? null : new CustomerRef(customer.customerId()),
                lines,
                discountView(
                        s.content().appliedDiscount(),
                        calc == null ? null : calc.orderDiscountAmount(),
                        presentment == null ? null : presentment.orderDiscountAmount(),
                        currency,
                        sets),
                shipping == null
                        ? null
                        : new ShippingLineView(
                                shipping.title(),
                                money.apply(shipping.price()),
                                shipping.code(),
                                calc == null
                                        ? List.of()
                                        : taxLines(
                                                calc.shippingTaxLines(),
                                                presentment == null ? null : presentment.shippingTaxLines(),
                                                sets),
                                calc == null
                                        ? null
                                        : sets.of(
                                                shipping.price(),
                                                presentment == null ? null : presentment.shippingPrice())),
                addressView(s.content().shippingAddress()),
                addressView(s.content().billingAddress()),
                s.content().billingAddress() != null
                        && s.content().billingAddress().equals(s.content().shippingAddress()),
                s.content().taxesIncluded(),
                s.content().taxExempt(),
                calc == null
                        ? List.of()
                        : taxLines(calc.taxLines(), presentment == null ? null : presentment.taxLines(), sets),
                totals == null ? null : money.apply(totals.lineItemsSubtotalPrice()),
                totals == null ? null : money.apply(totals.totalDiscounts()),
                totals == null ? null : money.apply(totals.subtotalPrice()),
                totals == null ? null : money.apply(totals.totalShippingPrice()),
                totals == null ? null : money.apply(totals.totalTax()),
                totals == null ? null : money.apply(totals.totalPrice()),
                totals == null ? null : totals.totalQuantity(),
                totals == null ? null : totals.totalWeight(),
                s.note(),
                String.join(", ", s.tags()),
                s.noNotificationOrder(),
                terms == null ? null : new PaymentTermsJson(terms.netDays(), terms.dueAt()),
                s.completionFailureReason(),
                s.createdAt(),
                s.updatedAt(),
                s.invoiceSentAt(),
                s.completedAt(),
                s.canceledAt(),
                draft.details().metafields().stream()
                        .map(m -> new MetafieldJson(m.namespace(), m.key(), m.value(), m.type()))
                        .toList(),
                draft.details().customAttributes().stream()
                        .map(a -> new CustomAttributeJson(a.key(), a.value()))
                        .toList(),
                draft.details().poNumber(),
                draft.details().sourceName(),
                draft.details().visibleToCustomer(),
                draft.details().reserveInventoryUntil(),
                s.invoiceUrl(),
                presentmentCurrency,
                exchangeRate,
                s.content().discountCodes(),
                calc == null
                        ? List.of()
                        : calc.appliedDiscountCodes().stream()
                                .map(c -> appliedCodeView(c, currency, sets))
                                .toList(),
                calc == null
                        ? List.of()
                        : calc.warnings().stream()
                                .map(w -> new DraftOrderJson.WarningView(
                                        w.code(), w.field(), w.message(), w.discountCode()))
                                .toList(),
                totals == null
                        ? null
                        : sets.of(totals.lineItemsSubtotalPrice(), pt == null ? null : pt.lineItemsSubtotalPrice()),
                totals == null ? null : sets.of(totals.totalDiscounts(), pt == null ? null : pt.totalDiscounts()),
                totals == null ? null : sets.of(totals.subtotalPrice(), pt == null ? null : pt.subtotalPrice()),
                totals == null
                        ? null
                        : sets.of(totals.totalShippingPrice(), pt == null ? null : pt.totalShippingPrice()),
                totals == null ? null : sets.of(totals.totalTax(), pt == null ? null : pt.totalTax()),
                totals == null ? null : sets.of(totals.totalPrice(), pt == null ? null : pt.totalPrice()),
                draft.details().localizedFields().stream()
                        .map(f -> new DraftOrderJson.LocalizedFieldJson(f.key(), f.value(), f.countryCode()))
                        .toList(),
                draft.details().allowDiscountCodesInCheckout(),
                purchasingEntityView(draft.details().purchasingEntity()),
                draft.hasTimelineComment(),
                draft.allVariantPricesOverridden(),
                draft.anyVariantPricesOverridden(),
                draft.invoiceEmailTemplateSubject(),
                draft.transformerFingerprint());
    }

    private static DraftOrderJson.PurchasingEntityJson purchasingEntityView(DraftDetails.PurchasingEntity p) {
        return p == null
                ? null
                : new DraftOrderJson.PurchasingEntityJson(
                        p.customerId(), p.companyId(), p.companyLocationId(), p.companyContactId());
    }

    /**
     * Builds {@code *_set} pairs. With a presentment calculation the presentment amount comes from it; without one
     * (a cart calculated before presentment currencies) the presentment amount is the shop amount.
     */
    private record Sets(String shop, String presentment, boolean calculated) {
        MoneySet of(Long shopAmount, Long presentmentAmount) {
            if (shopAmount == null) {
                return null;
            }
            if (!calculated) {
                return MoneySet.of(shopAmount, shop, shopAmount, shop);
            }
            return MoneySet.ofNullable(shopAmount, shop, presentmentAmount, presentment);
        }
    }

    private static Discount appliedCodeView(CartCalculation.AppliedCode c, String currency, Sets sets) {
        boolean percentage = c.valueType() == DraftContent.DiscountType.PERCENTAGE;
        return new Discount(
                c.title(),
                c.description(),
                percentage ? "percentage" : "fixed_amount",
                percentage
                        ? c.percentage()
                        : c.fixedAmount() == null ? null : MoneyFormat.format(c.fixedAmount(), currency),
                MoneyFormat.format(c.amount(), currency),
                sets.of(c.amount(), c.presentmentAmount()),
                c.code());
    }

    /** What the customer sees behind the invoice link: name, status, lines and totals. */
    static DraftOrderJson.PublicInvoice publicInvoice(DraftOrder draft) {
        var view = view(draft);
        return new DraftOrderJson.PublicInvoice(
                view.name(),
                view.status(),
                view.ready(),
                view.currency(),
                view.lineItems().stream()
                        .map(l -> new DraftOrderJson.PublicInvoiceLine(
                                l.title(), l.variantTitle(), l.sku(), l.quantity(), l.price(), l.discountedTotal()))
                        .toList(),
                view.shippingLine(),
                view.taxesIncluded(),
                view.lineItemsSubtotalPrice(),
                view.totalDiscounts(),
                view.subtotalPrice(),
                view.totalShippingPrice(),
                view.totalTax(),
                view.totalPrice(),
                view.invoiceSentAt(),
                view.allowDiscountCodesInCheckout());
    }

    private static Discount discountView(
            DraftContent.AppliedDiscount d, Long amount, Long presentmentAmount, String currency, Sets sets) {
        if (d == null) {
            return null;
        }
        boolean percentage = d.valueType() == DraftContent.DiscountType.PERCENTAGE;
        return new Discount(
                d.title(),
                d.description(),
                percentage ? "percentage" : "fixed_amount",
                percentage ? d.percentage() : MoneyFormat.format(d.fixedAmount(), currency),
                amount == null ? null : MoneyFormat.format(amount, currency),
                sets.of(amount, presentmentAmount),
                null);
    }

    private static List<TaxLineView> taxLines(
            List<CartCalculation.TaxLine> lines, List<Long> presentmentPrices, Sets sets) {
        List<TaxLineView> views = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            var t = lines.get(i);
            Long presentment =
                    presentmentPrices == null || i >= presentmentPrices.size() ? null : presentmentPrices.get(i);
            views.add(new TaxLineView(
                    t.title(), t.rate(), MoneyFormat.format(t.price(), sets.shop()), sets.of(t.price(), presentment)));
        }
        return views;
    }

    private static Address addressView(DraftContent.Address a) {
        if (a == null) {
            return null;
        }
        return new Address(
                a.firstName(),
                a.lastName(),
                a.company(),
                a.address1(),
                a.address2(),
                a.city(),
                a.provinceCode(),
                a.countryCode(),
                a.zip(),
                a.phone());
    }
}
