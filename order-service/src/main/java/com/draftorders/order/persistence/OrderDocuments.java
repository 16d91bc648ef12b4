package com.draftorders.order.persistence;

import com.draftorders.order.domain.Address;
import com.draftorders.order.domain.AppliedDiscount;
import com.draftorders.order.domain.AppliedDiscountCode;
import com.draftorders.order.domain.Cart;
import com.draftorders.order.domain.DiscountValueType;
import com.draftorders.order.domain.LineItem;
import com.draftorders.order.domain.Order;
import com.draftorders.order.domain.OrderDetails;
import com.draftorders.order.domain.PaymentRequest;
import com.draftorders.order.domain.PaymentStatus;
import com.draftorders.order.domain.PaymentTerms;
import com.draftorders.order.domain.ShippingLine;
import com.draftorders.order.domain.TaxLine;
import com.draftorders.order.domain.Totals;
import com.draftorders.order.persistence.OrderDocument.AddressData;
import com.draftorders.order.persistence.OrderDocument.AppliedCodeData;
import com.draftorders.order.persistence.OrderDocument.CartData;
import com.draftorders.order.persistence.OrderDocument.DiscountData;
import com.draftorders.order.persistence.OrderDocument.LineItemData;
import com.draftorders.order.persistence.OrderDocument.PaymentRequestData;
import com.draftorders.order.persistence.OrderDocument.PaymentTermsData;
import com.draftorders.order.persistence.OrderDocument.ShippingLineData;
import com.draftorders.order.persistence.OrderDocument.TaxLineData;
import com.draftorders.order.persistence.OrderDocument.TotalsData;
import java.util.ArrayList;
import java.util.List;

/** Maps the {@link Order} aggregate to its stored form and back. */
public final class OrderDocuments {

    private OrderDocuments() {}

    /** A new document for a new order (no version yet, so saving it inserts). */
    public static OrderDocument toDocument(Order order) {
        OrderDetails details = order.details();
        OrderDocument document = new OrderDocument();
        document.setId(order.id());
        document.setStoreId(order.storeId());
        document.setNumber(order.number());
        document.setName(order.name());
        document.setDraftOrderId(details.draftOrderId());
        document.setDraftOrderName(details.draftOrderName());
        document.setPaymentId(details.paymentId());
        document.setCart(cart(details.cart()));
        document.setEmail(details.email());
        document.setPhone(details.phone());
        document.setCustomerId(details.customerId());
        document.setNote(details.note());
        document.setTags(new ArrayList<>(details.tags()));
        document.setSourceName(details.sourceName());
        document.setPaymentPending(details.paymentPending());
        document.setPaymentTerms(
                details.paymentTerms() == null
                        ? null
                        : new PaymentTermsData(
                                details.paymentTerms().netDays(),
                                details.paymentTerms().dueAt()));
        document.setPaymentDueAt(order.paymentDueAt());
        document.setCreatedAt(order.createdAt());
        copyPaymentState(order, document);
        return document;
    }

    /** Copies what can change after creation (the payment state) onto a loaded document. */
    public static void copyPaymentState(Order order, OrderDocument document) {
        document.setPaymentStatus(order.paymentStatus().name());
        document.setCapturedAmount(order.capturedAmount());
        document.setRefundedAmount(order.refundedAmount());
        document.setPaymentRequests(new ArrayList<>(order.paymentRequests().stream()
                .map(r -> new PaymentRequestData(
                        r.kind().name(), r.idempotencyKey(), r.requestHash(), r.amount(), r.reason()))
                .toList()));
    }

    public static Order toOrder(OrderDocument document) {
        PaymentTermsData terms = document.getPaymentTerms();
        OrderDetails details = new OrderDetails(
                document.getDraftOrderId(),
                document.getDraftOrderName(),
                document.getPaymentId(),
                cart(document.getCart()),
                document.getEmail(),
                document.getPhone(),
                document.getCustomerId(),
                document.getNote(),
                document.getTags(),
                document.isPaymentPending(),
                terms == null ? null : new PaymentTerms(terms.netDays(), terms.dueAt()),
                document.getSourceName());
        return Order.restore(
                document.getId(),
                document.getStoreId(),
                document.getNumber(),
                details,
                document.getCreatedAt(),
                document.getPaymentDueAt(),
                PaymentStatus.valueOf(document.getPaymentStatus()),
                document.getCapturedAmount(),
                document.getRefundedAmount(),
                orEmpty(document.getPaymentRequests()).stream()
                        .map(r -> new PaymentRequest(
                                PaymentRequest.Kind.valueOf(r.kind()),
                                r.idempotencyKey(),
                                r.requestHash(),
                                r.amount(),
                                r.reason()))
                        .toList());
    }

    private static CartData cart(Cart cart) {
        Totals t = cart.totals();
        return new CartData(
                cart.cartId(),
                cart.draftOrderId(),
                cart.draftVersion(),
                cart.currency(),
                cart.lineItems().stream().map(OrderDocuments::lineItem).toList(),
                discount(cart.appliedDiscount()),
                shippingLine(cart.shippingLine()),
                address(cart.shippingAddress()),
                address(cart.billingAddress()),
                cart.taxesIncluded(),
                cart.taxExempt(),
                taxLines(cart.taxLines()),
                new TotalsData(
                        t.lineItemsSubtotalPrice(),
                        t.totalDiscounts(),
                        t.subtotalPrice(),
                        t.totalShippingPrice(),
                        t.totalTax(),
                        t.totalPrice(),
                        t.totalQuantity(),
                        t.totalWeight()),
                cart.presentment(),
                cart.appliedDiscountCodes().stream()
                        .map(c -> new AppliedCodeData(c.code(), discount(c.discount()), c.presentmentAmount()))
                        .toList());
    }

    private static Cart cart(CartData cart) {
        TotalsData t = cart.totals();
        return new Cart(
                cart.cartId(),
                cart.draftOrderId(),
                cart.draftVersion(),
                cart.currency(),
                orEmpty(cart.lineItems()).stream().map(OrderDocuments::lineItem).toList(),
                discount(cart.appliedDiscount()),
                shippingLine(cart.shippingLine()),
                address(cart.shippingAddress()),
                address(cart.billingAddress()),
                cart.taxesIncluded(),
                cart.taxExempt(),
                taxLinesOf(cart.taxLines()),
                new Totals(
                        t.lineItemsSubtotalPrice(),
                        t.totalDiscounts(),
                        t.subtotalPrice(),
                        t.totalShippingPrice(),
                        t.totalTax(),
                        t.totalPrice(),
                        t.totalQuantity(),
                        t.totalWeight()),
                cart.presentment(),
                orEmpty(cart.appliedDiscountCodes()).stream()
                        .map(c -> new AppliedDiscountCode(c.code(), discount(c.discount()), c.presentmentAmount()))
                        .toList());
    }

    private static LineItemData lineItem(LineItem line) {
        return new LineItemData(
                line.id(),
                line.variantId(),
                line.productId(),
                line.sku(),
                line.title(),
                line.variantTitle(),
                line.quantity(),
                line.price(),
                line.originalPrice(),
                line.grams(),
                line.taxable(),
                line.requiresShipping(),
                discount(line.appliedDiscount()),
                taxLines(line.taxLines()),
                line.discountedTotal());
    }

    private static LineItem lineItem(LineItemData line) {
        return new LineItem(
                line.id(),
                line.variantId(),
                line.productId(),
                line.sku(),
                line.title(),
                line.variantTitle(),
                line.quantity(),
                line.price(),
                line.originalPrice(),
                line.grams(),
                line.taxable(),
                line.requiresShipping(),
                discount(line.appliedDiscount()),
                taxLinesOf(line.taxLines()),
                line.discountedTotal());
    }

    private static DiscountData discount(AppliedDiscount discount) {
        return discount == null
                ? null
                : new DiscountData(
                        discount.title(),
                        discount.description(),
                        discount.valueType().name(),
                        discount.percentage(),
                        discount.fixedAmount(),
                        discount.amount());
    }

    private static AppliedDiscount discount(DiscountData discount) {
        return discount == null
                ? null
                : new AppliedDiscount(
                        discount.title(),
                        discount.description(),
                        DiscountValueType.valueOf(discount.valueType()),
                        discount.percentage(),
                        discount.fixedAmount(),
                        discount.amount());
    }

    private static ShippingLineData shippingLine(ShippingLine line) {
        return line == null
                ? null
                : new ShippingLineData(line.title(), line.price(), line.code(), taxLines(line.taxLines()));
    }

    private static ShippingLine shippingLine(ShippingLineData line) {
        return line == null
                ? null
                : new ShippingLine(line.title(), line.price(), line.code(), taxLinesOf(line.taxLines()));
    }

    private static List<TaxLineData> taxLines(List<TaxLine> lines) {
        return lines.stream()
                .map(l -> new TaxLineData(l.title(), l.rate(), l.price()))
                .toList();
    }

    private static List<TaxLine> taxLinesOf(List<TaxLineData> lines) {
        return orEmpty(lines).stream()
                .map(l -> new TaxLine(l.title(), l.rate(), l.price()))
                .toList();
    }

    private static AddressData address(Address a) {
        return a == null
                ? null
                : new AddressData(
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

    private static Address address(AddressData a) {
        return a == null
                ? null
                : new Address(
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

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
