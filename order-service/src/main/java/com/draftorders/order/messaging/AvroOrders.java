package com.draftorders.order.messaging;

import com.draftorders.avro.common.CartContent;
import com.draftorders.avro.common.CartSnapshot;
import com.draftorders.avro.order.CreateOrderFromCart;
import com.draftorders.avro.order.OrderSnapshot;
import com.draftorders.order.domain.Address;
import com.draftorders.order.domain.AppliedDiscount;
import com.draftorders.order.domain.AppliedDiscountCode;
import com.draftorders.order.domain.Cart;
import com.draftorders.order.domain.DiscountValueType;
import com.draftorders.order.domain.LineItem;
import com.draftorders.order.domain.Order;
import com.draftorders.order.domain.OrderDetails;
import com.draftorders.order.domain.PaymentTerms;
import com.draftorders.order.domain.Presentment;
import com.draftorders.order.domain.ShippingLine;
import com.draftorders.order.domain.TaxLine;
import com.draftorders.order.domain.Totals;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Maps the Avro contract to the order domain and back. */
public final class AvroOrders {

    private AvroOrders() {}

    /** The details of a {@code CreateOrderFromCart} command, as the domain sees them. */
    public static OrderDetails details(CreateOrderFromCart command) {
        com.draftorders.avro.common.PaymentTerms terms = command.getPaymentTerms();
        return new OrderDetails(
                command.getDraftOrderId(),
                command.getDraftOrderName(),
                command.getPaymentId(),
                command.getCart() == null ? null : cart(command.getCart()),
                command.getEmail(),
                command.getPhone(),
                command.getCustomerId(),
                command.getNote(),
                command.getTags(),
                command.getPaymentPending(),
                terms == null ? null : new PaymentTerms(terms.getNetDays(), terms.getDueAt()),
                command.getSourceName(),
                purchasingEntity(command.getPurchasingEntity()));
    }

    private static OrderDetails.PurchasingEntity purchasingEntity(com.draftorders.avro.common.PurchasingEntity p) {
        return p == null
                ? null
                : new OrderDetails.PurchasingEntity(
                        p.getCustomerId(), p.getCompanyId(), p.getCompanyLocationId(), p.getCompanyContactId());
    }

    /** The order as {@code OrderCreated} carries it. */
    public static OrderSnapshot snapshot(Order order) {
        OrderDetails details = order.details();
        return OrderSnapshot.newBuilder()
                .setId(order.id())
                .setName(order.name())
                .setDraftOrderId(details.draftOrderId())
                .setPaymentId(details.paymentId())
                .setPaymentStatus(com.draftorders.avro.common.PaymentStatus.valueOf(
                        order.paymentStatus().name()))
                .setEmail(details.email())
                .setPhone(details.phone())
                .setCustomerId(details.customerId())
                .setCart(cartSnapshot(order.cart()))
                .setNote(details.note())
                .setTags(new ArrayList<>(details.tags()))
                .setPaymentTerms(
                        details.paymentTerms() == null
                                ? null
                                : com.draftorders.avro.common.PaymentTerms.newBuilder()
                                        .setNetDays(details.paymentTerms().netDays())
                                        .setDueAt(details.paymentTerms().dueAt())
                                        .build())
                .setPaymentDueAt(order.paymentDueAt())
                .setCreatedAt(order.createdAt())
                .setPurchasingEntity(
                        details.purchasingEntity() == null
                                ? null
                                : new com.draftorders.avro.common.PurchasingEntity(
                                        details.purchasingEntity().customerId(),
                                        details.purchasingEntity().companyId(),
                                        details.purchasingEntity().companyLocationId(),
                                        details.purchasingEntity().companyContactId()))
                .build();
    }

    static Cart cart(CartSnapshot snapshot) {
        CartContent content = snapshot.getContent();
        com.draftorders.avro.common.Totals totals = snapshot.getTotals();
        return new Cart(
                snapshot.getCartId(),
                snapshot.getDraftOrderId(),
                snapshot.getDraftVersion(),
                content.getCurrency(),
                orEmpty(content.getLineItems()).stream()
                        .map(AvroOrders::lineItem)
                        .toList(),
                discount(content.getAppliedDiscount()),
                shippingLine(content.getShippingLine()),
                address(content.getShippingAddress()),
                address(content.getBillingAddress()),
                content.getTaxesIncluded(),
                content.getTaxExempt(),
                taxLines(snapshot.getTaxLines()),
                totals == null
                        ? null
                        : new Totals(
                                totals.getLineItemsSubtotalPrice(),
                                totals.getTotalDiscounts(),
                                totals.getSubtotalPrice(),
                                totals.getTotalShippingPrice(),
                                totals.getTotalTax(),
                                totals.getTotalPrice(),
                                totals.getTotalQuantity(),
                                totals.getTotalWeight()),
                presentment(snapshot),
                orEmpty(snapshot.getAppliedDiscountCodes()).stream()
                        .map(d -> new AppliedDiscountCode(d.getCode(), discount(d), d.getPresentmentAmount()))
                        .toList());
    }

    /** The snapshot's presentment amounts; null when its writer calculated none. */
    private static Presentment presentment(CartSnapshot snapshot) {
        com.draftorders.avro.common.Totals totals = snapshot.getTotals();
        if (totals == null || totals.getPresentment() == null || totals.getPresentmentCurrency() == null) {
            return null;
        }
        var p = totals.getPresentment();
        CartContent content = snapshot.getContent();
        var shipping = content.getShippingLine();
        return new Presentment(
                totals.getPresentmentCurrency(),
                totals.getExchangeRate(),
                new Presentment.Totals(
                        p.getLineItemsSubtotalPrice(),
                        p.getTotalDiscounts(),
                        p.getSubtotalPrice(),
                        p.getTotalShippingPrice(),
                        p.getTotalTax(),
                        p.getTotalPrice()),
                orEmpty(content.getLineItems()).stream()
                        .map(l -> new Presentment.Line(
                                l.getLineItemId(),
                                l.getPresentmentPrice(),
                                l.getAppliedDiscount() == null
                                        ? null
                                        : l.getAppliedDiscount().getPresentmentAmount(),
                                l.getPresentmentDiscountedTotal(),
                                presentmentPrices(l.getTaxLines())))
                        .toList(),
                content.getAppliedDiscount() == null
                        ? null
                        : content.getAppliedDiscount().getPresentmentAmount(),
                shipping == null ? null : shipping.getPresentmentPrice(),
                shipping == null ? List.of() : presentmentPrices(shipping.getTaxLines()),
                presentmentPrices(snapshot.getTaxLines()));
    }

    private static List<Long> presentmentPrices(List<com.draftorders.avro.common.TaxLine> lines) {
        List<Long> prices = new ArrayList<>();
        for (var line : orEmpty(lines)) {
            prices.add(line.getPresentmentPrice());
        }
        return prices;
    }

    static CartSnapshot cartSnapshot(Cart cart) {
        Totals t = cart.totals();
        Presentment p = cart.presentment();
        Map<String, Presentment.Line> presentedLines = new HashMap<>();
        if (p != null) {
            p.lines().forEach(l -> presentedLines.put(l.lineItemId(), l));
        }
        var totals = com.draftorders.avro.common.Totals.newBuilder()
                .setCurrency(cart.currency())
                .setLineItemsSubtotalPrice(t.lineItemsSubtotalPrice())
                .setTotalDiscounts(t.totalDiscounts())
                .setSubtotalPrice(t.subtotalPrice())
                .setTotalShippingPrice(t.totalShippingPrice())
                .setTotalTax(t.totalTax())
                .setTotalPrice(t.totalPrice())
                .setTotalQuantity(t.totalQuantity())
                .setTotalWeight(t.totalWeight());
        if (p != null) {
            totals.setPresentmentCurrency(p.currency())
                    .setExchangeRate(p.exchangeRate())
                    .setPresentment(new com.draftorders.avro.common.PresentmentTotals(
                            p.totals().lineItemsSubtotalPrice(),
                            p.totals().totalDiscounts(),
                            p.totals().subtotalPrice(),
                            p.totals().totalShippingPrice(),
                            p.totals().totalTax(),
                            p.totals().totalPrice()));
        }
        return CartSnapshot.newBuilder()
                .setCartId(cart.cartId())
                .setDraftOrderId(cart.draftOrderId())
                .setDraftVersion(cart.draftVersion())
                .setContent(CartContent.newBuilder()
                        .setCurrency(cart.currency())
                        .setLineItems(cart.lineItems().stream()
                                .map(line -> lineItem(line, presentedLines.get(line.id())))
                                .toList())
                        .setAppliedDiscount(
                                discount(cart.appliedDiscount(), p == null ? null : p.orderDiscountAmount(), null))
                        .setShippingLine(shippingLine(cart.shippingLine(), p))
                        .setShippingAddress(address(cart.shippingAddress()))
                        .setBillingAddress(address(cart.billingAddress()))
                        .setTaxesIncluded(cart.taxesIncluded())
                        .setTaxExempt(cart.taxExempt())
                        .setPresentmentCurrency(p == null ? null : p.currency())
                        .setExchangeRate(p == null ? null : p.exchangeRate())
                        .setDiscountCodes(cart.appliedDiscountCodes().stream()
                                .map(AppliedDiscountCode::code)
                                .toList())
                        .build())
                .setTaxLines(avroTaxLines(cart.taxLines(), p == null ? null : p.taxLines()))
                .setTotals(totals.build())
                .setAppliedDiscountCodes(cart.appliedDiscountCodes().stream()
                        .map(c -> discount(c.discount(), c.presentmentAmount(), c.code()))
                        .toList())
                .build();
    }

    private static LineItem lineItem(com.draftorders.avro.common.LineItem line) {
        return new LineItem(
                line.getLineItemId(),
                line.getVariantId(),
                line.getProductId(),
                line.getSku(),
                line.getTitle(),
                line.getVariantTitle(),
                line.getQuantity(),
                line.getPrice(),
                line.getOriginalPrice(),
                line.getGrams(),
                line.getTaxable(),
                line.getRequiresShipping(),
                discount(line.getAppliedDiscount()),
                taxLines(line.getTaxLines()),
                line.getDiscountedTotal());
    }

    private static com.draftorders.avro.common.LineItem lineItem(LineItem line, Presentment.Line p) {
        return com.draftorders.avro.common.LineItem.newBuilder()
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
                .setAppliedDiscount(discount(line.appliedDiscount(), p == null ? null : p.discountAmount(), null))
                .setTaxLines(avroTaxLines(line.taxLines(), p == null ? null : p.taxLines()))
                .setDiscountedTotal(line.discountedTotal())
                .setPresentmentPrice(p == null ? null : p.price())
                .setPresentmentDiscountedTotal(p == null ? null : p.discountedTotal())
                .build();
    }

    private static AppliedDiscount discount(com.draftorders.avro.common.AppliedDiscount discount) {
        return discount == null
                ? null
                : new AppliedDiscount(
                        discount.getTitle(),
                        discount.getDescription(),
                        DiscountValueType.valueOf(discount.getValueType().name()),
                        discount.getPercentage(),
                        discount.getFixedAmount(),
                        discount.getAmount());
    }

    private static com.draftorders.avro.common.AppliedDiscount discount(
            AppliedDiscount discount, Long presentmentAmount, String code) {
        return discount == null
                ? null
                : com.draftorders.avro.common.AppliedDiscount.newBuilder()
                        .setTitle(discount.title())
                        .setDescription(discount.description())
                        .setValueType(com.draftorders.avro.common.DiscountValueType.valueOf(
                                discount.valueType().name()))
                        .setPercentage(discount.percentage())
                        .setFixedAmount(discount.fixedAmount())
                        .setAmount(discount.amount())
                        .setPresentmentAmount(presentmentAmount)
                        .setCode(code)
                        .build();
    }

    private static ShippingLine shippingLine(com.draftorders.avro.common.ShippingLine line) {
        return line == null
                ? null
                : new ShippingLine(line.getTitle(), line.getPrice(), line.getCode(), taxLines(line.getTaxLines()));
    }

    private static com.draftorders.avro.common.ShippingLine shippingLine(ShippingLine line, Presentment p) {
        return line == null
                ? null
                : com.draftorders.avro.common.ShippingLine.newBuilder()
                        .setTitle(line.title())
                        .setPrice(line.price())
                        .setCode(line.code())
                        .setTaxLines(avroTaxLines(line.taxLines(), p == null ? null : p.shippingTaxLines()))
                        .setPresentmentPrice(p == null ? null : p.shippingPrice())
                        .build();
    }

    private static List<TaxLine> taxLines(List<com.draftorders.avro.common.TaxLine> lines) {
        return orEmpty(lines).stream()
                .map(l -> new TaxLine(l.getTitle(), l.getRate(), l.getPrice()))
                .toList();
    }

    private static List<com.draftorders.avro.common.TaxLine> avroTaxLines(
            List<TaxLine> lines, List<Long> presentmentPrices) {
        List<com.draftorders.avro.common.TaxLine> result = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            TaxLine l = lines.get(i);
            result.add(com.draftorders.avro.common.TaxLine.newBuilder()
                    .setTitle(l.title())
                    .setRate(l.rate())
                    .setPrice(l.price())
                    .setPresentmentPrice(
                            presentmentPrices == null || i >= presentmentPrices.size()
                                    ? null
                                    : presentmentPrices.get(i))
                    .build());
        }
        return result;
    }

    private static Address address(com.draftorders.avro.common.Address a) {
        return a == null
                ? null
                : new Address(
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

    private static com.draftorders.avro.common.Address address(Address a) {
        return a == null
                ? null
                : com.draftorders.avro.common.Address.newBuilder()
                        .setFirstName(a.firstName())
                        .setLastName(a.lastName())
                        .setCompany(a.company())
                        .setAddress1(a.address1())
                        .setAddress2(a.address2())
                        .setCity(a.city())
                        .setProvinceCode(a.provinceCode())
                        .setCountryCode(a.countryCode())
                        .setZip(a.zip())
                        .setPhone(a.phone())
                        .build();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
