package com.draftorders.cart.persistence;

import com.draftorders.cart.domain.Address;
import com.draftorders.cart.domain.AppliedDiscount;
import com.draftorders.cart.domain.AppliedDiscountCode;
import com.draftorders.cart.domain.CalculatedLine;
import com.draftorders.cart.domain.CalculatedShipping;
import com.draftorders.cart.domain.Cart;
import com.draftorders.cart.domain.CartCalculation;
import com.draftorders.cart.domain.CartContent;
import com.draftorders.cart.domain.CartLock;
import com.draftorders.cart.domain.CartType;
import com.draftorders.cart.domain.CartWarning;
import com.draftorders.cart.domain.DiscountType;
import com.draftorders.cart.domain.LineItem;
import com.draftorders.cart.domain.PresentmentCalculation;
import com.draftorders.cart.domain.ShippingLine;
import com.draftorders.cart.domain.TaxLine;
import com.draftorders.cart.domain.Totals;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Maps the {@link Cart} aggregate to its {@link CartDocument} and back. */
public final class CartDocumentMapper {

    private CartDocumentMapper() {}

    /** A document for a cart that is not stored yet. */
    public static CartDocument newDocument(Cart cart, String storeId, Instant now) {
        CartDocument document = new CartDocument();
        document.setId(cart.id());
        document.setStoreId(storeId);
        document.setDraftOrderId(cart.draftOrderId());
        document.setType(cart.type().name());
        document.setCreatedAt(now);
        apply(cart, document, now);
        return document;
    }

    /** Copies the cart's state onto its document. */
    public static void apply(Cart cart, CartDocument document, Instant now) {
        document.setDraftVersion(cart.draftVersion());
        document.setRevision(cart.revision());
        document.setCart(toStored(cart.calculation()));
        CartLock lock = cart.lockState();
        StoredCart.Lock stored = document.getLock();
        if (lock == null) {
            document.setLock(null);
        } else if (stored == null
                || stored.draftVersion() != lock.draftVersion()
                || stored.attempt() != lock.attempt()) {
            document.setLock(new StoredCart.Lock(lock.draftOrderId(), lock.draftVersion(), lock.attempt(), now));
        }
        document.setUpdatedAt(now);
    }

    public static Cart toDomain(CartDocument document) {
        StoredCart.Lock lock = document.getLock();
        return Cart.restore(
                document.getId(),
                document.getDraftOrderId(),
                CartType.valueOf(document.getType()),
                document.getDraftVersion(),
                toDomain(document.getCart()),
                lock == null ? null : new CartLock(lock.draftOrderId(), lock.draftVersion(), lock.attempt()),
                document.getRevision());
    }

    /** When the current lock was taken, or null. */
    public static Instant lockedAt(CartDocument document) {
        return document.getLock() == null ? null : document.getLock().lockedAt();
    }

    private static StoredCart.Calculated toStored(CartCalculation calculation) {
        CartContent content = calculation.content();
        List<StoredCart.Line> lines =
                calculation.lines().stream().map(CartDocumentMapper::toStored).toList();
        CalculatedShipping shipping = calculation.shipping();
        Totals totals = calculation.totals();
        return new StoredCart.Calculated(
                content.currency(),
                lines,
                toStored(content.appliedDiscount(), calculation.orderDiscount()),
                shipping == null
                        ? null
                        : new StoredCart.Shipping(
                                shipping.line().title(),
                                shipping.line().price(),
                                shipping.line().code(),
                                toStored(shipping.taxLines())),
                toStored(content.shippingAddress()),
                toStored(content.billingAddress()),
                content.taxesIncluded(),
                content.taxExempt(),
                toStored(calculation.taxLines()),
                new StoredCart.Totals(
                        totals.lineItemsSubtotalPrice(),
                        totals.totalDiscounts(),
                        totals.subtotalPrice(),
                        totals.totalShippingPrice(),
                        totals.totalTax(),
                        totals.totalPrice(),
                        totals.totalQuantity(),
                        totals.totalWeight()),
                content.presentmentCurrency(),
                content.exchangeRate() == null ? null : content.exchangeRate().toPlainString(),
                content.discountCodes(),
                toStored(calculation.presentment()),
                calculation.appliedCodes().stream()
                        .map(c -> new StoredCart.AppliedCode(
                                c.code(), toStored(c.discount(), c.amount()), c.amount(), c.presentmentAmount()))
                        .toList(),
                calculation.warnings().stream()
                        .map(w -> new StoredCart.Warning(w.reason().name(), w.field(), w.message(), w.discountCode()))
                        .toList());
    }

    private static StoredCart.Presentment toStored(PresentmentCalculation p) {
        var t = p.totals();
        return new StoredCart.Presentment(
                p.currency(),
                p.exchangeRate().toPlainString(),
                p.lines().stream()
                        .map(l -> new StoredCart.PresentmentLine(
                                l.price(),
                                l.subtotal(),
                                l.lineDiscount(),
                                l.orderDiscountShare(),
                                l.discountedTotal(),
                                l.taxes()))
                        .toList(),
                p.orderDiscount(),
                p.shippingPrice(),
                p.shippingTaxes(),
                p.taxLines(),
                new StoredCart.PresentmentTotals(
                        t.lineItemsSubtotalPrice(),
                        t.totalDiscounts(),
                        t.subtotalPrice(),
                        t.totalShippingPrice(),
                        t.totalTax(),
                        t.totalPrice()));
    }

    private static PresentmentCalculation toDomain(StoredCart.Presentment p) {
        var t = p.totals();
        return new PresentmentCalculation(
                p.currency(),
                new BigDecimal(p.exchangeRate()),
                p.lines().stream()
                        .map(l -> new PresentmentCalculation.Line(
                                l.price(),
                                l.subtotal(),
                                l.lineDiscount(),
                                l.orderDiscountShare(),
                                l.discountedTotal(),
                                l.taxes() == null ? List.of() : l.taxes()))
                        .toList(),
                p.orderDiscount(),
                p.shippingPrice(),
                p.shippingTaxes() == null ? List.of() : p.shippingTaxes(),
                p.taxLines() == null ? List.of() : p.taxLines(),
                new PresentmentCalculation.PresentmentTotals(
                        t.lineItemsSubtotalPrice(),
                        t.totalDiscounts(),
                        t.subtotalPrice(),
                        t.totalShippingPrice(),
                        t.totalTax(),
                        t.totalPrice()));
    }

    private static StoredCart.Line toStored(CalculatedLine line) {
        LineItem item = line.item();
        return new StoredCart.Line(
                item.lineItemId(),
                item.variantId(),
                item.productId(),
                item.sku(),
                item.title(),
                item.variantTitle(),
                item.quantity(),
                item.price(),
                item.originalPrice(),
                item.grams(),
                item.taxable(),
                item.requiresShipping(),
                toStored(item.appliedDiscount(), line.lineDiscount()),
                line.subtotal(),
                line.lineDiscount(),
                line.orderDiscountShare(),
                line.discountedTotal(),
                toStored(line.taxLines()));
    }

    private static StoredCart.Discount toStored(AppliedDiscount discount, long amount) {
        if (discount == null) {
            return null;
        }
        return new StoredCart.Discount(
                discount.title(),
                discount.description(),
                discount.valueType().name(),
                discount.percentage() == null ? null : discount.percentage().toPlainString(),
                discount.fixedAmount(),
                amount);
    }

    private static StoredCart.Address toStored(Address a) {
        if (a == null) {
            return null;
        }
        return new StoredCart.Address(
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

    private static List<StoredCart.TaxLine> toStored(List<TaxLine> taxLines) {
        return taxLines.stream()
                .map(t -> new StoredCart.TaxLine(t.title(), t.rateText(), t.price()))
                .toList();
    }

    private static CartCalculation toDomain(StoredCart.Calculated stored) {
        List<CalculatedLine> lines =
                stored.lineItems().stream().map(CartDocumentMapper::toDomain).toList();
        StoredCart.Shipping shipping = stored.shippingLine();
        ShippingLine shippingLine =
                shipping == null ? null : new ShippingLine(shipping.title(), shipping.price(), shipping.code());
        CartContent content = new CartContent(
                stored.currency(),
                lines.stream().map(CalculatedLine::item).toList(),
                toDomain(stored.appliedDiscount()),
                shippingLine,
                toDomain(stored.shippingAddress()),
                toDomain(stored.billingAddress()),
                stored.taxesIncluded(),
                stored.taxExempt(),
                stored.presentmentCurrency(),
                stored.exchangeRate() == null ? null : new BigDecimal(stored.exchangeRate()),
                stored.discountCodes());
        StoredCart.Totals t = stored.totals();
        long orderDiscount =
                stored.appliedDiscount() == null || stored.appliedDiscount().amount() == null
                        ? 0
                        : stored.appliedDiscount().amount();
        CalculatedShipping calculatedShipping =
                shipping == null ? null : new CalculatedShipping(shippingLine, toDomain(shipping.taxLines()));
        List<TaxLine> taxLines = toDomain(stored.taxLines());
        Totals totals = new Totals(
                stored.currency(),
                t.lineItemsSubtotalPrice(),
                t.totalDiscounts(),
                t.subtotalPrice(),
                t.totalShippingPrice(),
                t.totalTax(),
                t.totalPrice(),
                t.totalQuantity(),
                t.totalWeight());
        return new CartCalculation(
                content,
                lines,
                orderDiscount,
                calculatedShipping,
                taxLines,
                totals,
                stored.presentment() == null
                        ? PresentmentCalculation.sameAsShop(
                                stored.currency(), lines, orderDiscount, calculatedShipping, taxLines, totals)
                        : toDomain(stored.presentment()),
                stored.appliedCodes() == null
                        ? List.of()
                        : stored.appliedCodes().stream()
                                .map(c -> new AppliedDiscountCode(
                                        c.code(), toDomain(c.discount()), c.amount(), c.presentmentAmount()))
                                .toList(),
                stored.warnings() == null
                        ? List.of()
                        : stored.warnings().stream()
                                .map(w -> new CartWarning(
                                        CartWarning.Reason.valueOf(w.reason()),
                                        w.field(),
                                        w.message(),
                                        w.discountCode()))
                                .toList());
    }

    private static CalculatedLine toDomain(StoredCart.Line l) {
        LineItem item = new LineItem(
                l.lineItemId(),
                l.variantId(),
                l.productId(),
                l.sku(),
                l.title(),
                l.variantTitle(),
                l.quantity(),
                l.price(),
                l.originalPrice(),
                l.grams(),
                l.taxable(),
                l.requiresShipping(),
                toDomain(l.appliedDiscount()));
        return new CalculatedLine(
                item,
                l.subtotal(),
                l.lineDiscount(),
                l.orderDiscountShare(),
                l.discountedTotal(),
                toDomain(l.taxLines()));
    }

    private static AppliedDiscount toDomain(StoredCart.Discount d) {
        if (d == null) {
            return null;
        }
        return new AppliedDiscount(
                d.title(),
                d.description(),
                DiscountType.valueOf(d.valueType()),
                d.percentage() == null ? null : new BigDecimal(d.percentage()),
                d.fixedAmount());
    }

    private static Address toDomain(StoredCart.Address a) {
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

    private static List<TaxLine> toDomain(List<StoredCart.TaxLine> taxLines) {
        if (taxLines == null) {
            return List.of();
        }
        return taxLines.stream()
                .map(t -> new TaxLine(t.title(), new BigDecimal(t.rate()), t.price()))
                .toList();
    }
}
