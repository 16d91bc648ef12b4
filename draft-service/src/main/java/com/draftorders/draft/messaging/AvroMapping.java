package com.draftorders.draft.messaging;

import com.draftorders.avro.common.Address;
import com.draftorders.avro.common.AppliedDiscount;
import com.draftorders.avro.common.CartContent;
import com.draftorders.avro.common.CartSnapshot;
import com.draftorders.avro.common.CartWarning;
import com.draftorders.avro.common.CustomAttribute;
import com.draftorders.avro.common.DiscountValueType;
import com.draftorders.avro.common.LineItem;
import com.draftorders.avro.common.Metafield;
import com.draftorders.avro.common.PresentmentTotals;
import com.draftorders.avro.common.ShippingLine;
import com.draftorders.avro.common.TaxLine;
import com.draftorders.avro.common.Totals;
import com.draftorders.avro.draft.DraftOrderSnapshot;
import com.draftorders.avro.draft.DraftOrderStatus;
import com.draftorders.avro.order.OrderSnapshot;
import com.draftorders.draft.domain.CartCalculation;
import com.draftorders.draft.domain.DraftContent;
import com.draftorders.draft.domain.DraftDetails;
import com.draftorders.draft.domain.DraftOrder;
import com.draftorders.draft.domain.OrderCopy;
import com.draftorders.draft.domain.PaymentTerms;
import com.draftorders.messaging.InvalidMessageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Between the draft domain and the Avro contract. */
public final class AvroMapping {

    private AvroMapping() {}

    public static CartContent toAvro(DraftContent content, CartCalculation calculation) {
        Map<String, CartCalculation.LineCalculation> calculated = calculation == null
                ? Map.of()
                : calculation.lines().stream()
                        .collect(Collectors.toMap(
                                CartCalculation.LineCalculation::lineItemId, Function.identity(), (a, b) -> a));
        var presentment = calculation == null ? null : calculation.presentment();
        Map<String, CartCalculation.LinePresentment> presented = presentment == null
                ? Map.of()
                : presentment.lines().stream()
                        .collect(Collectors.toMap(
                                CartCalculation.LinePresentment::lineItemId, Function.identity(), (a, b) -> a));
        List<LineItem> lines = new ArrayList<>();
        for (DraftContent.LineItem line : content.lineItems()) {
            var calc = calculated.get(line.id());
            var p = presented.get(line.id());
            lines.add(LineItem.newBuilder()
                    .setLineItemId(line.id())
                    .setVariantId(line.variantId())
                    .setProductId(line.productId())
                    .setSku(line.sku())
                    .setTitle(line.title())
                    .setVariantTitle(line.variantTitle())
                    .setQuantity(line.quantity())
                    .setPrice(line.price())
                    .setOriginalPrice(line.originalPrice())
                    .setGrams(line.grams())
                    .setTaxable(line.taxable())
                    .setRequiresShipping(line.requiresShipping())
                    .setAppliedDiscount(toAvro(
                            line.appliedDiscount(),
                            calc == null ? null : calc.discountAmount(),
                            p == null ? null : p.discountAmount()))
                    .setTaxLines(calc == null ? List.of() : taxLines(calc.taxLines(), p == null ? null : p.taxLines()))
                    .setDiscountedTotal(calc == null ? null : calc.discountedTotal())
                    .setPresentmentPrice(p == null ? null : p.price())
                    .setPresentmentDiscountedTotal(p == null ? null : p.discountedTotal())
                    .build());
        }
        var shipping = content.shippingLine();
        return CartContent.newBuilder()
                .setCurrency(content.currency())
                .setLineItems(lines)
                .setAppliedDiscount(toAvro(
                        content.appliedDiscount(),
                        calculation == null ? null : calculation.orderDiscountAmount(),
                        presentment == null ? null : presentment.orderDiscountAmount()))
                .setShippingLine(
                        shipping == null
                                ? null
                                : new ShippingLine(
                                        shipping.title(),
                                        shipping.price(),
                                        shipping.code(),
                                        calculation == null
                                                ? List.of()
                                                : taxLines(
                                                        calculation.shippingTaxLines(),
                                                        presentment == null ? null : presentment.shippingTaxLines()),
                                        presentment == null ? null : presentment.shippingPrice()))
                .setShippingAddress(toAvro(content.shippingAddress()))
                .setBillingAddress(toAvro(content.billingAddress()))
                .setTaxesIncluded(content.taxesIncluded())
                .setTaxExempt(content.taxExempt())
                .setPresentmentCurrency(content.presentmentCurrency())
                .setExchangeRate(content.exchangeRate())
                .setDiscountCodes(new ArrayList<>(content.discountCodes()))
                .build();
    }

    public static DraftContent fromAvro(CartContent content) {
        List<DraftContent.LineItem> lines = content.getLineItems().stream()
                .map(l -> new DraftContent.LineItem(
                        l.getLineItemId(),
                        l.getVariantId(),
                        l.getProductId(),
                        l.getSku(),
                        l.getTitle(),
                        l.getVariantTitle(),
                        l.getQuantity(),
                        l.getPrice(),
                        l.getOriginalPrice(),
                        l.getGrams(),
                        l.getTaxable(),
                        l.getRequiresShipping(),
                        fromAvro(l.getAppliedDiscount())))
                .toList();
        var shipping = content.getShippingLine();
        return new DraftContent(
                content.getCurrency(),
                lines,
                fromAvro(content.getAppliedDiscount()),
                shipping == null
                        ? null
                        : new DraftContent.ShippingLine(shipping.getTitle(), shipping.getPrice(), shipping.getCode()),
                fromAvro(content.getShippingAddress()),
                fromAvro(content.getBillingAddress()),
                content.getTaxesIncluded(),
                content.getTaxExempt(),
                // the same rule as over REST (InputRules): exactly an upper-case code and a plain decimal
                content.getPresentmentCurrency(),
                content.getExchangeRate(),
                content.getDiscountCodes() == null ? List.of() : List.copyOf(content.getDiscountCodes()));
    }

    /** draft-service's copy of an order of {@code storeId}, for re-orders. */
    public static OrderCopy orderCopyOf(String storeId, OrderSnapshot order) {
        if (order.getId() == null || order.getCart() == null || order.getCart().getContent() == null) {
            throw new InvalidMessageException("OrderCreated names no order id or cart content");
        }
        return new OrderCopy(
                order.getId(),
                storeId,
                order.getName(),
                order.getDraftOrderId(),
                new DraftOrder.Customer(order.getEmail(), order.getPhone(), order.getCustomerId()),
                fromAvro(order.getCart().getContent()),
                order.getNote(),
                order.getTags());
    }

    public static CartCalculation calculationOf(CartSnapshot cart) {
        Totals t = cart.getTotals();
        var content = cart.getContent();
        List<CartCalculation.LineCalculation> lines = content.getLineItems().stream()
                .map(l -> new CartCalculation.LineCalculation(
                        l.getLineItemId(),
                        l.getAppliedDiscount() == null
                                ? null
                                : l.getAppliedDiscount().getAmount(),
                        fromAvro(l.getTaxLines()),
                        l.getDiscountedTotal()))
                .toList();
        return new CartCalculation(
                cart.getDraftVersion(),
                new CartCalculation.Totals(
                        t.getLineItemsSubtotalPrice(),
                        t.getTotalDiscounts(),
                        t.getSubtotalPrice(),
                        t.getTotalShippingPrice(),
                        t.getTotalTax(),
                        t.getTotalPrice(),
                        t.getTotalQuantity(),
                        t.getTotalWeight()),
                lines,
                content.getAppliedDiscount() == null
                        ? null
                        : content.getAppliedDiscount().getAmount(),
                content.getShippingLine() == null
                        ? List.of()
                        : fromAvro(content.getShippingLine().getTaxLines()),
                fromAvro(cart.getTaxLines()),
                presentmentOf(cart),
                cart.getAppliedDiscountCodes() == null
                        ? List.of()
                        : cart.getAppliedDiscountCodes().stream()
                                .map(d -> new CartCalculation.AppliedCode(
                                        d.getCode(),
                                        d.getTitle(),
                                        d.getDescription(),
                                        DraftContent.DiscountType.valueOf(
                                                d.getValueType().name()),
                                        d.getPercentage(),
                                        d.getFixedAmount(),
                                        d.getAmount() == null ? 0 : d.getAmount(),
                                        d.getPresentmentAmount()))
                                .toList(),
                cart.getWarnings() == null
                        ? List.of()
                        : cart.getWarnings().stream()
                                .map(w -> new CartCalculation.Warning(
                                        w.getCode(), w.getField(), w.getMessage(), w.getDiscountCode()))
                                .toList());
    }

    /** The presentment amounts of a snapshot; null when its writer calculated none. */
    private static CartCalculation.Presentment presentmentOf(CartSnapshot cart) {
        Totals t = cart.getTotals();
        if (t.getPresentment() == null || t.getPresentmentCurrency() == null) {
            return null;
        }
        var p = t.getPresentment();
        var content = cart.getContent();
        var shipping = content.getShippingLine();
        return new CartCalculation.Presentment(
                t.getPresentmentCurrency(),
                t.getExchangeRate(),
                new CartCalculation.PresentmentTotals(
                        p.getLineItemsSubtotalPrice(),
                        p.getTotalDiscounts(),
                        p.getSubtotalPrice(),
                        p.getTotalShippingPrice(),
                        p.getTotalTax(),
                        p.getTotalPrice()),
                content.getLineItems().stream()
                        .map(l -> new CartCalculation.LinePresentment(
                                l.getLineItemId(),
                                l.getPresentmentPrice(),
                                l.getAppliedDiscount() == null
                                        ? null
                                        : l.getAppliedDiscount().getPresentmentAmount(),
                                l.getPresentmentDiscountedTotal(),
                                l.getTaxLines().stream()
                                        .map(TaxLine::getPresentmentPrice)
                                        .toList()))
                        .toList(),
                content.getAppliedDiscount() == null
                        ? null
                        : content.getAppliedDiscount().getPresentmentAmount(),
                shipping == null ? null : shipping.getPresentmentPrice(),
                shipping == null
                        ? List.of()
                        : shipping.getTaxLines().stream()
                                .map(TaxLine::getPresentmentPrice)
                                .toList(),
                cart.getTaxLines().stream().map(TaxLine::getPresentmentPrice).toList());
    }

    public static DraftOrderSnapshot snapshot(DraftOrder draft) {
        var s = draft.state();
        var calc = s.calculation();
        return DraftOrderSnapshot.newBuilder()
                .setId(s.id())
                .setName(s.name())
                .setStatus(DraftOrderStatus.valueOf(s.status().name()))
                .setVersion(s.version())
                .setReady(draft.isReady())
                .setCartId(s.cartId())
                .setOrderId(s.orderId())
                .setChannel(s.channel())
                .setExternalReference(s.externalReference())
                .setEmail(s.customer() == null ? null : s.customer().email())
                .setPhone(s.customer() == null ? null : s.customer().phone())
                .setCustomerId(s.customer() == null ? null : s.customer().customerId())
                .setContent(toAvro(s.content(), draft.isReady() ? calc : null))
                .setTotals(calc == null ? null : totals(s.content().currency(), calc))
                .setTaxLines(
                        calc == null
                                ? List.of()
                                : taxLines(
                                        calc.taxLines(),
                                        calc.presentment() == null
                                                ? null
                                                : calc.presentment().taxLines()))
                .setAppliedDiscountCodes(
                        calc == null || !draft.isReady() ? List.of() : appliedCodes(calc.appliedDiscountCodes()))
                .setWarnings(calc == null || !draft.isReady() ? List.of() : warnings(calc.warnings()))
                .setNote(s.note())
                .setTags(s.tags())
                .setNoNotificationOrder(s.noNotificationOrder())
                .setPaymentTerms(
                        s.completion() == null ? null : toAvro(s.completion().paymentTerms()))
                .setCompletionFailureReason(s.completionFailureReason())
                .setCreatedAt(s.createdAt())
                .setUpdatedAt(s.updatedAt())
                .setInvoiceSentAt(s.invoiceSentAt())
                .setCompletedAt(s.completedAt())
                .setCanceledAt(s.canceledAt())
                .setMetafields(metafields(draft.details()))
                .setCustomAttributes(customAttributes(draft.details()))
                .setPoNumber(draft.details().poNumber())
                .setSourceName(draft.details().sourceName())
                .setVisibleToCustomer(draft.details().visibleToCustomer())
                .setReserveInventoryUntil(draft.details().reserveInventoryUntil())
                .setInvoiceUrl(s.invoiceUrl())
                .setLocalizedFields(draft.details().localizedFields().stream()
                        .map(f -> new com.draftorders.avro.draft.LocalizedField(f.key(), f.value(), f.countryCode()))
                        .toList())
                .setAllowDiscountCodesInCheckout(draft.details().allowDiscountCodesInCheckout())
                .setPurchasingEntity(purchasingEntity(draft.details().purchasingEntity()))
                .setHasTimelineComment(draft.hasTimelineComment())
                .setAllVariantPricesOverridden(draft.allVariantPricesOverridden())
                .setAnyVariantPricesOverridden(draft.anyVariantPricesOverridden())
                .setInvoiceEmailTemplateSubject(draft.invoiceEmailTemplateSubject())
                .setTransformerFingerprint(draft.transformerFingerprint())
                .build();
    }

    private static Totals totals(String currency, CartCalculation calc) {
        var t = calc.totals();
        var p = calc.presentment();
        return Totals.newBuilder()
                .setCurrency(currency)
                .setLineItemsSubtotalPrice(t.lineItemsSubtotalPrice())
                .setTotalDiscounts(t.totalDiscounts())
                .setSubtotalPrice(t.subtotalPrice())
                .setTotalShippingPrice(t.totalShippingPrice())
                .setTotalTax(t.totalTax())
                .setTotalPrice(t.totalPrice())
                .setTotalQuantity(t.totalQuantity())
                .setTotalWeight(t.totalWeight())
                .setPresentmentCurrency(p == null ? null : p.currency())
                .setExchangeRate(p == null ? null : p.exchangeRate())
                .setPresentment(
                        p == null
                                ? null
                                : new PresentmentTotals(
                                        p.totals().lineItemsSubtotalPrice(),
                                        p.totals().totalDiscounts(),
                                        p.totals().subtotalPrice(),
                                        p.totals().totalShippingPrice(),
                                        p.totals().totalTax(),
                                        p.totals().totalPrice()))
                .build();
    }

    private static List<AppliedDiscount> appliedCodes(List<CartCalculation.AppliedCode> codes) {
        return codes.stream()
                .map(c -> AppliedDiscount.newBuilder()
                        .setCode(c.code())
                        .setTitle(c.title())
                        .setDescription(c.description())
                        .setValueType(DiscountValueType.valueOf(c.valueType().name()))
                        .setPercentage(c.percentage())
                        .setFixedAmount(c.fixedAmount())
                        .setAmount(c.amount())
                        .setPresentmentAmount(c.presentmentAmount())
                        .build())
                .toList();
    }

    private static List<CartWarning> warnings(List<CartCalculation.Warning> warnings) {
        return warnings.stream()
                .map(w -> new CartWarning(w.code(), w.field(), w.message(), w.discountCode()))
                .toList();
    }

    public static List<Metafield> metafields(DraftDetails details) {
        return details.metafields().stream()
                .map(m -> new Metafield(m.namespace(), m.key(), m.value(), m.type()))
                .toList();
    }

    public static List<CustomAttribute> customAttributes(DraftDetails details) {
        return details.customAttributes().stream()
                .map(a -> new CustomAttribute(a.key(), a.value()))
                .toList();
    }

    /** Who buys, as the events and the order commands carry it. */
    public static com.draftorders.avro.common.PurchasingEntity purchasingEntity(DraftDetails.PurchasingEntity p) {
        return p == null
                ? null
                : new com.draftorders.avro.common.PurchasingEntity(
                        p.customerId(), p.companyId(), p.companyLocationId(), p.companyContactId());
    }

    /** The details a channel sent with {@code CreateDraftOrder}. */
    public static DraftDetails detailsOf(com.draftorders.avro.draft.CreateDraftOrder request) {
        return new DraftDetails(
                request.getMetafields().stream()
                        .map(m -> new DraftDetails.Metafield(m.getNamespace(), m.getKey(), m.getValue(), m.getType()))
                        .toList(),
                request.getCustomAttributes().stream()
                        .map(a -> new DraftDetails.CustomAttribute(a.getKey(), a.getValue()))
                        .toList(),
                request.getPoNumber(),
                request.getSourceName(),
                request.getVisibleToCustomer(),
                request.getReserveInventoryUntil());
    }

    public static com.draftorders.avro.common.PaymentTerms toAvro(PaymentTerms terms) {
        return terms == null ? null : new com.draftorders.avro.common.PaymentTerms(terms.netDays(), terms.dueAt());
    }

    public static PaymentTerms fromAvro(com.draftorders.avro.common.PaymentTerms terms) {
        return terms == null ? null : new PaymentTerms(terms.getNetDays(), terms.getDueAt());
    }

    private static AppliedDiscount toAvro(DraftContent.AppliedDiscount d, Long amount, Long presentmentAmount) {
        if (d == null) {
            return null;
        }
        return AppliedDiscount.newBuilder()
                .setTitle(d.title())
                .setDescription(d.description())
                .setValueType(DiscountValueType.valueOf(d.valueType().name()))
                .setPercentage(d.percentage())
                .setFixedAmount(d.fixedAmount())
                .setAmount(amount)
                .setPresentmentAmount(presentmentAmount)
                .build();
    }

    private static DraftContent.AppliedDiscount fromAvro(AppliedDiscount d) {
        if (d == null) {
            return null;
        }
        return new DraftContent.AppliedDiscount(
                d.getTitle(),
                d.getDescription(),
                DraftContent.DiscountType.valueOf(d.getValueType().name()),
                d.getPercentage(),
                d.getFixedAmount());
    }

    private static Address toAvro(DraftContent.Address a) {
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

    private static DraftContent.Address fromAvro(Address a) {
        if (a == null) {
            return null;
        }
        return new DraftContent.Address(
                a.getFirstName(),
                a.getLastName(),
                a.getCompany(),
                a.getAddress1(),
                a.getAddress2(),
                a.getCity(),
                a.getProvinceCode(),
                a.getCountryCode(),
                a.getZip(),
                a.getPhone());
    }

    private static List<TaxLine> taxLines(List<CartCalculation.TaxLine> lines, List<Long> presentmentPrices) {
        List<TaxLine> result = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            var t = lines.get(i);
            Long presentment =
                    presentmentPrices == null || i >= presentmentPrices.size() ? null : presentmentPrices.get(i);
            result.add(new TaxLine(t.title(), t.rate(), t.price(), presentment));
        }
        return result;
    }

    private static List<CartCalculation.TaxLine> fromAvro(List<TaxLine> lines) {
        return lines.stream()
                .map(t -> new CartCalculation.TaxLine(t.getTitle(), t.getRate(), t.getPrice()))
                .toList();
    }
}
