package com.draftorders.cart.web;

import com.draftorders.cart.domain.Address;
import com.draftorders.cart.domain.AppliedDiscount;
import com.draftorders.cart.domain.CalculatedLine;
import com.draftorders.cart.domain.Cart;
import com.draftorders.cart.domain.CartCalculation;
import com.draftorders.cart.domain.CartContent;
import com.draftorders.cart.domain.CartLock;
import com.draftorders.cart.domain.TaxLine;
import com.draftorders.cart.domain.Totals;
import com.draftorders.messaging.web.MoneyFormat;
import java.time.Instant;
import java.util.List;

/**
 * A cart as operators see it over REST ({@code GET /carts/{id}}): the calculated snapshot plus its lock. Money is a
 * decimal string in the cart currency ({@code "19.99"}); JSON names are snake_case.
 */
public record CartView(
        String id,
        String type,
        String draftOrderId,
        long draftVersion,
        boolean locked,
        LockView lock,
        String currency,
        List<LineView> lineItems,
        DiscountView appliedDiscount,
        ShippingView shippingLine,
        Address shippingAddress,
        Address billingAddress,
        boolean taxesIncluded,
        boolean taxExempt,
        List<TaxLineView> taxLines,
        TotalsView totals,
        Instant createdAt,
        Instant updatedAt) {

    public record LockView(String draftOrderId, long draftVersion, int attempt, Instant lockedAt) {}

    public record LineView(
            String lineItemId,
            String variantId,
            String productId,
            String sku,
            String title,
            String variantTitle,
            boolean custom,
            int quantity,
            String price,
            String originalPrice,
            long grams,
            boolean taxable,
            boolean requiresShipping,
            String subtotal,
            DiscountView appliedDiscount,
            String orderDiscountAllocation,
            String discountedTotal,
            List<TaxLineView> taxLines) {}

    public record DiscountView(
            String title, String description, String valueType, String percentage, String fixedAmount, String amount) {}

    public record ShippingView(String title, String code, String price, List<TaxLineView> taxLines) {}

    public record TaxLineView(String title, String rate, String price) {}

    public record TotalsView(
            String lineItemsSubtotalPrice,
            String totalDiscounts,
            String subtotalPrice,
            String totalShippingPrice,
            String totalTax,
            String totalPrice,
            int totalQuantity,
            long totalWeight) {}

    static CartView of(Cart cart, Instant lockedAt, Instant createdAt, Instant updatedAt) {
        CartLock lock = cart.lockState();
        return of(
                cart.id(),
                cart.type().name(),
                cart.draftOrderId(),
                cart.draftVersion(),
                cart.isLocked(),
                lock == null ? null : new LockView(lock.draftOrderId(), lock.draftVersion(), lock.attempt(), lockedAt),
                cart.calculation(),
                createdAt,
                updatedAt);
    }

    /** A calculation that belongs to no stored cart ({@code POST /carts/calculate}): no id, type, draft or lock. */
    static CartView ofCalculation(CartCalculation calculation) {
        return of(null, null, null, 0, false, null, calculation, null, null);
    }

    private static CartView of(
            String id,
            String type,
            String draftOrderId,
            long draftVersion,
            boolean locked,
            LockView lock,
            CartCalculation calculation,
            Instant createdAt,
            Instant updatedAt) {
        CartContent content = calculation.content();
        String currency = content.currency();
        Totals t = calculation.totals();
        return new CartView(
                id,
                type,
                draftOrderId,
                draftVersion,
                locked,
                lock,
                currency,
                calculation.lines().stream().map(l -> line(l, currency)).toList(),
                discount(content.appliedDiscount(), calculation.orderDiscount(), currency),
                calculation.shipping() == null
                        ? null
                        : new ShippingView(
                                calculation.shipping().line().title(),
                                calculation.shipping().line().code(),
                                money(calculation.shipping().line().price(), currency),
                                taxLines(calculation.shipping().taxLines(), currency)),
                content.shippingAddress(),
                content.billingAddress(),
                content.taxesIncluded(),
                content.taxExempt(),
                taxLines(calculation.taxLines(), currency),
                new TotalsView(
                        money(t.lineItemsSubtotalPrice(), currency),
                        money(t.totalDiscounts(), currency),
                        money(t.subtotalPrice(), currency),
                        money(t.totalShippingPrice(), currency),
                        money(t.totalTax(), currency),
                        money(t.totalPrice(), currency),
                        t.totalQuantity(),
                        t.totalWeight()),
                createdAt,
                updatedAt);
    }

    private static LineView line(CalculatedLine line, String currency) {
        var item = line.item();
        return new LineView(
                item.lineItemId(),
                item.variantId(),
                item.productId(),
                item.sku(),
                item.title(),
                item.variantTitle(),
                item.isCustom(),
                item.quantity(),
                money(item.price(), currency),
                item.originalPrice() == null ? null : money(item.originalPrice(), currency),
                item.grams(),
                item.taxable(),
                item.requiresShipping(),
                money(line.subtotal(), currency),
                discount(item.appliedDiscount(), line.lineDiscount(), currency),
                money(line.orderDiscountShare(), currency),
                money(line.discountedTotal(), currency),
                taxLines(line.taxLines(), currency));
    }

    private static DiscountView discount(AppliedDiscount discount, long amount, String currency) {
        if (discount == null) {
            return null;
        }
        return new DiscountView(
                discount.title(),
                discount.description(),
                discount.valueType().name(),
                discount.percentage() == null ? null : discount.percentage().toPlainString(),
                discount.fixedAmount() == null ? null : money(discount.fixedAmount(), currency),
                money(amount, currency));
    }

    private static List<TaxLineView> taxLines(List<TaxLine> taxLines, String currency) {
        return taxLines.stream()
                .map(t -> new TaxLineView(t.title(), t.rateText(), money(t.price(), currency)))
                .toList();
    }

    private static String money(long minorUnits, String currency) {
        return MoneyFormat.format(minorUnits, currency);
    }
}
