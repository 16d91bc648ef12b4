package com.draftorders.order.web;

import com.draftorders.messaging.web.MoneyFormat;
import com.draftorders.messaging.web.MoneySet;
import com.draftorders.order.domain.Address;
import com.draftorders.order.domain.AppliedDiscount;
import com.draftorders.order.domain.Cart;
import com.draftorders.order.domain.DiscountValueType;
import com.draftorders.order.domain.LineItem;
import com.draftorders.order.domain.Order;
import com.draftorders.order.domain.OrderDetails;
import com.draftorders.order.domain.Presentment;
import com.draftorders.order.domain.ShippingLine;
import com.draftorders.order.domain.TaxLine;
import com.draftorders.order.domain.Totals;
import com.draftorders.order.web.OrderView.AddressView;
import com.draftorders.order.web.OrderView.DiscountView;
import com.draftorders.order.web.OrderView.LineItemView;
import com.draftorders.order.web.OrderView.PaymentTermsView;
import com.draftorders.order.web.OrderView.ShippingLineView;
import com.draftorders.order.web.OrderView.TaxLineView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Shows an {@link Order} on REST. */
public final class OrderPresenter {

    private OrderPresenter() {}

    public static OrderView present(Order order) {
        OrderDetails details = order.details();
        Cart cart = order.cart();
        String currency = cart.currency();
        Totals totals = cart.totals();
        Presentment p = cart.presentment();
        Sets sets = new Sets(currency, p);
        Map<String, Presentment.Line> presentedLines = new HashMap<>();
        if (p != null) {
            p.lines().forEach(l -> presentedLines.put(l.lineItemId(), l));
        }
        Presentment.Totals pt = p == null ? null : p.totals();
        return new OrderView(
                order.id(),
                order.name(),
                details.draftOrderId(),
                details.paymentId(),
                order.paymentStatus().name().toLowerCase(Locale.ROOT),
                currency,
                details.email(),
                details.phone(),
                details.customerId(),
                cart.lineItems().stream()
                        .map(line -> lineItem(line, presentedLines.get(line.id()), currency, sets))
                        .toList(),
                discount(cart.appliedDiscount(), p == null ? null : p.orderDiscountAmount(), null, currency, sets),
                shippingLine(cart.shippingLine(), p, currency, sets),
                address(cart.shippingAddress()),
                address(cart.billingAddress()),
                cart.taxesIncluded(),
                cart.taxExempt(),
                taxLines(cart.taxLines(), p == null ? null : p.taxLines(), currency, sets),
                money(totals.lineItemsSubtotalPrice(), currency),
                money(totals.totalDiscounts(), currency),
                money(totals.subtotalPrice(), currency),
                money(totals.totalShippingPrice(), currency),
                money(totals.totalTax(), currency),
                money(totals.totalPrice(), currency),
                totals.totalQuantity(),
                totals.totalWeight(),
                details.note(),
                details.tags(),
                details.sourceName(),
                details.paymentTerms() == null
                        ? null
                        : new PaymentTermsView(
                                details.paymentTerms().netDays(),
                                time(details.paymentTerms().dueAt())),
                time(order.paymentDueAt()),
                money(order.capturedAmount(), currency),
                money(order.refundedAmount(), currency),
                time(order.createdAt()),
                p == null ? currency : p.currency(),
                p == null ? "1" : p.exchangeRate(),
                cart.appliedDiscountCodes().stream()
                        .map(c -> discount(c.discount(), c.presentmentAmount(), c.code(), currency, sets))
                        .toList(),
                sets.of(totals.lineItemsSubtotalPrice(), pt == null ? null : pt.lineItemsSubtotalPrice()),
                sets.of(totals.totalDiscounts(), pt == null ? null : pt.totalDiscounts()),
                sets.of(totals.subtotalPrice(), pt == null ? null : pt.subtotalPrice()),
                sets.of(totals.totalShippingPrice(), pt == null ? null : pt.totalShippingPrice()),
                sets.of(totals.totalTax(), pt == null ? null : pt.totalTax()),
                sets.of(totals.totalPrice(), pt == null ? null : pt.totalPrice()),
                details.purchasingEntity() == null
                        ? null
                        : new OrderView.PurchasingEntityView(
                                details.purchasingEntity().customerId(),
                                details.purchasingEntity().companyId(),
                                details.purchasingEntity().companyLocationId(),
                                details.purchasingEntity().companyContactId()));
    }

    /**
     * Builds {@code *_set} pairs; without presentment amounts (a cart that calculated none) the customer saw the shop
     * amounts, so both sides are the shop amount.
     */
    private record Sets(String shop, Presentment presentment) {
        MoneySet of(Long shopAmount, Long presentmentAmount) {
            if (shopAmount == null) {
                return null;
            }
            if (presentment == null) {
                return MoneySet.of(shopAmount, shop, shopAmount, shop);
            }
            return MoneySet.ofNullable(shopAmount, shop, presentmentAmount, presentment.currency());
        }
    }

    private static LineItemView lineItem(LineItem line, Presentment.Line p, String currency, Sets sets) {
        return new LineItemView(
                line.id(),
                line.variantId(),
                line.productId(),
                line.sku(),
                line.title(),
                line.variantTitle(),
                line.quantity(),
                money(line.price(), currency),
                line.grams(),
                line.taxable(),
                line.requiresShipping(),
                discount(line.appliedDiscount(), p == null ? null : p.discountAmount(), null, currency, sets),
                taxLines(line.taxLines(), p == null ? null : p.taxLines(), currency, sets),
                line.discountedTotal() == null ? null : money(line.discountedTotal(), currency),
                sets.of(line.price(), p == null ? null : p.price()),
                sets.of(line.discountedTotal(), p == null ? null : p.discountedTotal()));
    }

    private static DiscountView discount(
            AppliedDiscount discount, Long presentmentAmount, String code, String currency, Sets sets) {
        if (discount == null) {
            return null;
        }
        boolean percentage = discount.valueType() == DiscountValueType.PERCENTAGE;
        String value = percentage
                ? discount.percentage()
                : discount.fixedAmount() == null ? null : money(discount.fixedAmount(), currency);
        return new DiscountView(
                discount.title(),
                discount.description(),
                discount.valueType().name().toLowerCase(Locale.ROOT),
                value,
                discount.amount() == null ? null : money(discount.amount(), currency),
                sets.of(discount.amount(), presentmentAmount),
                code);
    }

    private static ShippingLineView shippingLine(ShippingLine line, Presentment p, String currency, Sets sets) {
        return line == null
                ? null
                : new ShippingLineView(
                        line.title(),
                        money(line.price(), currency),
                        line.code(),
                        taxLines(line.taxLines(), p == null ? null : p.shippingTaxLines(), currency, sets),
                        sets.of(line.price(), p == null ? null : p.shippingPrice()));
    }

    private static List<TaxLineView> taxLines(
            List<TaxLine> lines, List<Long> presentmentPrices, String currency, Sets sets) {
        List<TaxLineView> views = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            TaxLine l = lines.get(i);
            Long presentment =
                    presentmentPrices == null || i >= presentmentPrices.size() ? null : presentmentPrices.get(i);
            views.add(
                    new TaxLineView(l.title(), l.rate(), money(l.price(), currency), sets.of(l.price(), presentment)));
        }
        return views;
    }

    private static AddressView address(Address a) {
        return a == null
                ? null
                : new AddressView(
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

    private static String money(long minorUnits, String currency) {
        return MoneyFormat.format(minorUnits, currency);
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
