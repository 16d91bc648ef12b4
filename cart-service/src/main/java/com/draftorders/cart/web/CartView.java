package com.draftorders.cart.web;

import com.draftorders.cart.domain.Address;
import com.draftorders.cart.domain.AppliedDiscount;
import com.draftorders.cart.domain.CalculatedLine;
import com.draftorders.cart.domain.CalculatedShipping;
import com.draftorders.cart.domain.Cart;
import com.draftorders.cart.domain.CartCalculation;
import com.draftorders.cart.domain.CartContent;
import com.draftorders.cart.domain.CartLock;
import com.draftorders.cart.domain.PresentmentCalculation;
import com.draftorders.cart.domain.TaxLine;
import com.draftorders.cart.domain.Totals;
import com.draftorders.messaging.web.MoneyFormat;
import com.draftorders.messaging.web.MoneySet;
import java.time.Instant;
import java.util.ArrayList;
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
        Instant updatedAt,
        String presentmentCurrency,
        String exchangeRate,
        List<String> discountCodes,
        List<DiscountView> appliedDiscountCodes,
        List<WarningView> warnings) {

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
            List<TaxLineView> taxLines,
            MoneySet priceSet,
            MoneySet discountedTotalSet) {}

    /** {@code code} is set on the discounts of discount codes. */
    public record DiscountView(
            String title,
            String description,
            String valueType,
            String percentage,
            String fixedAmount,
            String amount,
            MoneySet amountSet,
            String code) {}

    public record ShippingView(
            String title, String code, String price, List<TaxLineView> taxLines, MoneySet priceSet) {}

    public record TaxLineView(String title, String rate, String price, MoneySet priceSet) {}

    /** A discount code that did not apply: {@code code} names why ({@code discount_code_expired}, ...). */
    public record WarningView(String code, String field, String message, String discountCode) {}

    public record TotalsView(
            String lineItemsSubtotalPrice,
            String totalDiscounts,
            String subtotalPrice,
            String totalShippingPrice,
            String totalTax,
            String totalPrice,
            int totalQuantity,
            long totalWeight,
            MoneySet lineItemsSubtotalPriceSet,
            MoneySet totalDiscountsSet,
            MoneySet subtotalPriceSet,
            MoneySet totalShippingPriceSet,
            MoneySet totalTaxSet,
            MoneySet totalPriceSet) {}

    static CartView of(Cart cart) {
        Cart.State state = cart.state();
        CartLock lock = state.lock();
        return of(
                state.id(),
                state.type().name(),
                state.draftOrderId(),
                state.draftVersion(),
                lock != null,
                lock == null
                        ? null
                        : new LockView(lock.draftOrderId(), lock.draftVersion(), lock.attempt(), lock.lockedAt()),
                state.calculation(),
                state.createdAt(),
                state.updatedAt());
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
        PresentmentCalculation p = calculation.presentment();
        Pair pair = new Pair(currency, p.currency());
        Totals t = calculation.totals();
        PresentmentCalculation.PresentmentTotals pt = p.totals();
        List<LineView> lines = new ArrayList<>();
        for (int i = 0; i < calculation.lines().size(); i++) {
            lines.add(line(calculation.lines().get(i), p.lines().get(i), pair));
        }
        CalculatedShipping shipping = calculation.shipping();
        return new CartView(
                id,
                type,
                draftOrderId,
                draftVersion,
                locked,
                lock,
                currency,
                lines,
                discount(content.appliedDiscount(), calculation.orderDiscount(), p.orderDiscount(), null, pair),
                shipping == null
                        ? null
                        : new ShippingView(
                                shipping.line().title(),
                                shipping.line().code(),
                                money(shipping.line().price(), currency),
                                taxLines(shipping.taxLines(), p.shippingTaxes(), pair),
                                pair.of(shipping.line().price(), p.shippingPrice())),
                content.shippingAddress(),
                content.billingAddress(),
                content.taxesIncluded(),
                content.taxExempt(),
                taxLines(calculation.taxLines(), p.taxLines(), pair),
                new TotalsView(
                        money(t.lineItemsSubtotalPrice(), currency),
                        money(t.totalDiscounts(), currency),
                        money(t.subtotalPrice(), currency),
                        money(t.totalShippingPrice(), currency),
                        money(t.totalTax(), currency),
                        money(t.totalPrice(), currency),
                        t.totalQuantity(),
                        t.totalWeight(),
                        pair.of(t.lineItemsSubtotalPrice(), pt.lineItemsSubtotalPrice()),
                        pair.of(t.totalDiscounts(), pt.totalDiscounts()),
                        pair.of(t.subtotalPrice(), pt.subtotalPrice()),
                        pair.of(t.totalShippingPrice(), pt.totalShippingPrice()),
                        pair.of(t.totalTax(), pt.totalTax()),
                        pair.of(t.totalPrice(), pt.totalPrice())),
                createdAt,
                updatedAt,
                p.currency(),
                p.exchangeRate().toPlainString(),
                content.discountCodes(),
                calculation.appliedCodes().stream()
                        .map(c -> discount(c.discount(), c.amount(), c.presentmentAmount(), c.code(), pair))
                        .toList(),
                calculation.warnings().stream()
                        .map(w -> new WarningView(w.reason().code(), w.field(), w.message(), w.discountCode()))
                        .toList());
    }

    /** The shop and presentment currencies of one cart. */
    private record Pair(String shop, String presentment) {
        MoneySet of(long shopAmount, long presentmentAmount) {
            return MoneySet.of(shopAmount, shop, presentmentAmount, presentment);
        }
    }

    private static LineView line(CalculatedLine line, PresentmentCalculation.Line p, Pair pair) {
        var item = line.item();
        String currency = pair.shop();
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
                discount(item.appliedDiscount(), line.lineDiscount(), p.lineDiscount(), null, pair),
                money(line.orderDiscountShare(), currency),
                money(line.discountedTotal(), currency),
                taxLines(line.taxLines(), p.taxes(), pair),
                pair.of(item.price(), p.price()),
                pair.of(line.discountedTotal(), p.discountedTotal()));
    }

    private static DiscountView discount(
            AppliedDiscount discount, long amount, long presentmentAmount, String code, Pair pair) {
        if (discount == null) {
            return null;
        }
        return new DiscountView(
                discount.title(),
                discount.description(),
                discount.valueType().name(),
                discount.percentage() == null ? null : discount.percentage().toPlainString(),
                discount.fixedAmount() == null ? null : money(discount.fixedAmount(), pair.shop()),
                money(amount, pair.shop()),
                pair.of(amount, presentmentAmount),
                code);
    }

    private static List<TaxLineView> taxLines(List<TaxLine> taxLines, List<Long> presentmentPrices, Pair pair) {
        List<TaxLineView> views = new ArrayList<>(taxLines.size());
        for (int i = 0; i < taxLines.size(); i++) {
            TaxLine t = taxLines.get(i);
            views.add(new TaxLineView(
                    t.title(),
                    t.rateText(),
                    money(t.price(), pair.shop()),
                    pair.of(t.price(), presentmentPrices.get(i))));
        }
        return views;
    }

    private static String money(long minorUnits, String currency) {
        return MoneyFormat.format(minorUnits, currency);
    }
}
