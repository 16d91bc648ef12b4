package com.draftorders.order.web;

import com.draftorders.messaging.web.MoneyFormat;
import com.draftorders.order.domain.Address;
import com.draftorders.order.domain.AppliedDiscount;
import com.draftorders.order.domain.Cart;
import com.draftorders.order.domain.DiscountValueType;
import com.draftorders.order.domain.LineItem;
import com.draftorders.order.domain.Order;
import com.draftorders.order.domain.OrderDetails;
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
import java.util.List;
import java.util.Locale;

/** Shows an {@link Order} on REST. */
public final class OrderPresenter {

    private OrderPresenter() {}

    public static OrderView present(Order order) {
        OrderDetails details = order.details();
        Cart cart = order.cart();
        String currency = cart.currency();
        Totals totals = cart.totals();
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
                cart.lineItems().stream().map(line -> lineItem(line, currency)).toList(),
                discount(cart.appliedDiscount(), currency),
                shippingLine(cart.shippingLine(), currency),
                address(cart.shippingAddress()),
                address(cart.billingAddress()),
                cart.taxesIncluded(),
                cart.taxExempt(),
                taxLines(cart.taxLines(), currency),
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
                time(order.createdAt()));
    }

    private static LineItemView lineItem(LineItem line, String currency) {
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
                discount(line.appliedDiscount(), currency),
                taxLines(line.taxLines(), currency),
                line.discountedTotal() == null ? null : money(line.discountedTotal(), currency));
    }

    private static DiscountView discount(AppliedDiscount discount, String currency) {
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
                discount.amount() == null ? null : money(discount.amount(), currency));
    }

    private static ShippingLineView shippingLine(ShippingLine line, String currency) {
        return line == null
                ? null
                : new ShippingLineView(
                        line.title(), money(line.price(), currency), line.code(), taxLines(line.taxLines(), currency));
    }

    private static List<TaxLineView> taxLines(List<TaxLine> lines, String currency) {
        return lines.stream()
                .map(l -> new TaxLineView(l.title(), l.rate(), money(l.price(), currency)))
                .toList();
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
