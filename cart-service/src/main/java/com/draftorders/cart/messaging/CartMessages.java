package com.draftorders.cart.messaging;

import com.draftorders.avro.cart.CartLocked;
import com.draftorders.avro.cart.CartTotalsCalculated;
import com.draftorders.avro.cart.CartUnlocked;
import com.draftorders.avro.common.DiscountValueType;
import com.draftorders.cart.domain.Address;
import com.draftorders.cart.domain.AppliedDiscount;
import com.draftorders.cart.domain.CalculatedLine;
import com.draftorders.cart.domain.CalculatedShipping;
import com.draftorders.cart.domain.CartCalculation;
import com.draftorders.cart.domain.CartContent;
import com.draftorders.cart.domain.CartEvent;
import com.draftorders.cart.domain.CartSnapshot;
import com.draftorders.cart.domain.CartType;
import com.draftorders.cart.domain.DiscountType;
import com.draftorders.cart.domain.LineItem;
import com.draftorders.cart.domain.PresentmentCalculation;
import com.draftorders.cart.domain.ShippingLine;
import com.draftorders.cart.domain.TaxLine;
import com.draftorders.cart.domain.Totals;
import com.draftorders.messaging.InvalidMessageException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps the Avro contract ({@code com.draftorders.avro..}) to the cart domain and back. Incoming calculated fields
 * (discount amounts, tax lines, discounted totals) are ignored: cart-service calculates them.
 */
final class CartMessages {

    private CartMessages() {}

    // ---- Avro -> domain

    static CartType type(com.draftorders.avro.cart.CartType type) {
        if (type == null) {
            throw new InvalidMessageException("type must be given");
        }
        return CartType.valueOf(type.name());
    }

    static CartContent content(com.draftorders.avro.common.CartContent content) {
        if (content == null) {
            throw new InvalidMessageException("content must be given");
        }
        List<LineItem> lines = new ArrayList<>();
        List<com.draftorders.avro.common.LineItem> given =
                content.getLineItems() == null ? List.of() : content.getLineItems();
        for (int i = 0; i < given.size(); i++) {
            lines.add(lineItem(given.get(i), "line_items[" + i + "]"));
        }
        var shipping = content.getShippingLine();
        return new CartContent(
                content.getCurrency(),
                lines,
                discount(content.getAppliedDiscount(), "applied_discount"),
                shipping == null
                        ? null
                        : new ShippingLine(shipping.getTitle(), shipping.getPrice(), shipping.getCode()),
                address(content.getShippingAddress()),
                address(content.getBillingAddress()),
                content.getTaxesIncluded(),
                content.getTaxExempt(),
                content.getPresentmentCurrency(),
                decimal(content.getExchangeRate(), "exchange_rate"),
                content.getDiscountCodes());
    }

    private static LineItem lineItem(com.draftorders.avro.common.LineItem line, String path) {
        if (line == null) {
            throw new InvalidMessageException(path + " must not be null");
        }
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
                discount(line.getAppliedDiscount(), path + ".applied_discount"));
    }

    private static AppliedDiscount discount(com.draftorders.avro.common.AppliedDiscount discount, String path) {
        if (discount == null) {
            return null;
        }
        if (discount.getValueType() == null) {
            throw new InvalidMessageException(path + ".value_type must be given");
        }
        return new AppliedDiscount(
                discount.getTitle(),
                discount.getDescription(),
                DiscountType.valueOf(discount.getValueType().name()),
                percentage(discount.getPercentage(), path + ".percentage"),
                discount.getFixedAmount());
    }

    private static BigDecimal decimal(String text, String path) {
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidMessageException(
                    path + " must be a decimal number such as \"1.0850\", was \"" + text + "\"");
        }
    }

    private static BigDecimal percentage(String text, String path) {
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidMessageException(
                    path + " must be a decimal number such as \"10.5\", was \"" + text + "\"");
        }
    }

    private static Address address(com.draftorders.avro.common.Address a) {
        if (a == null) {
            return null;
        }
        return new Address(
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

    // ---- domain -> Avro

    /** The cart-events payload of a domain event. */
    static Object payload(CartEvent event) {
        // Java 17: no pattern matching for switch yet.
        if (event instanceof CartEvent.TotalsCalculated e) {
            return new CartTotalsCalculated(snapshot(e.cart()));
        }
        if (event instanceof CartEvent.Locked e) {
            return new CartLocked(snapshot(e.cart()), e.attempt());
        }
        if (event instanceof CartEvent.Unlocked e) {
            return new CartUnlocked(e.cartId(), e.draftOrderId(), e.attempt());
        }
        throw new IllegalArgumentException("no cart-events payload for " + event);
    }

    static com.draftorders.avro.common.CartSnapshot snapshot(CartSnapshot snapshot) {
        CartCalculation calculation = snapshot.calculation();
        CartContent content = calculation.content();
        CalculatedShipping shipping = calculation.shipping();
        PresentmentCalculation presentment = calculation.presentment();
        List<com.draftorders.avro.common.LineItem> lines = new ArrayList<>();
        for (int i = 0; i < calculation.lines().size(); i++) {
            lines.add(line(calculation.lines().get(i), presentment.lines().get(i)));
        }
        var avroContent = com.draftorders.avro.common.CartContent.newBuilder()
                .setCurrency(content.currency())
                .setLineItems(lines)
                .setAppliedDiscount(discount(
                        content.appliedDiscount(), calculation.orderDiscount(), presentment.orderDiscount(), null))
                .setShippingLine(
                        shipping == null
                                ? null
                                : new com.draftorders.avro.common.ShippingLine(
                                        shipping.line().title(),
                                        shipping.line().price(),
                                        shipping.line().code(),
                                        taxLines(shipping.taxLines(), presentment.shippingTaxes()),
                                        presentment.shippingPrice()))
                .setShippingAddress(address(content.shippingAddress()))
                .setBillingAddress(address(content.billingAddress()))
                .setTaxesIncluded(content.taxesIncluded())
                .setTaxExempt(content.taxExempt())
                .setPresentmentCurrency(content.presentmentCurrency())
                .setExchangeRate(
                        content.exchangeRate() == null
                                ? null
                                : content.exchangeRate().toPlainString())
                .setDiscountCodes(new ArrayList<>(content.discountCodes()))
                .build();
        Totals totals = calculation.totals();
        PresentmentCalculation.PresentmentTotals p = presentment.totals();
        return com.draftorders.avro.common.CartSnapshot.newBuilder()
                .setCartId(snapshot.cartId())
                .setDraftOrderId(snapshot.draftOrderId())
                .setDraftVersion(snapshot.draftVersion())
                .setContent(avroContent)
                .setTaxLines(taxLines(calculation.taxLines(), presentment.taxLines()))
                .setTotals(com.draftorders.avro.common.Totals.newBuilder()
                        .setCurrency(totals.currency())
                        .setLineItemsSubtotalPrice(totals.lineItemsSubtotalPrice())
                        .setTotalDiscounts(totals.totalDiscounts())
                        .setSubtotalPrice(totals.subtotalPrice())
                        .setTotalShippingPrice(totals.totalShippingPrice())
                        .setTotalTax(totals.totalTax())
                        .setTotalPrice(totals.totalPrice())
                        .setTotalQuantity(totals.totalQuantity())
                        .setTotalWeight(totals.totalWeight())
                        .setPresentmentCurrency(presentment.currency())
                        .setExchangeRate(presentment.exchangeRate().toPlainString())
                        .setPresentment(new com.draftorders.avro.common.PresentmentTotals(
                                p.lineItemsSubtotalPrice(),
                                p.totalDiscounts(),
                                p.subtotalPrice(),
                                p.totalShippingPrice(),
                                p.totalTax(),
                                p.totalPrice()))
                        .build())
                .setAppliedDiscountCodes(calculation.appliedCodes().stream()
                        .map(c -> discount(c.discount(), c.amount(), c.presentmentAmount(), c.code()))
                        .toList())
                .setWarnings(calculation.warnings().stream()
                        .map(w -> new com.draftorders.avro.common.CartWarning(
                                w.reason().code(), w.field(), w.message(), w.discountCode()))
                        .toList())
                .build();
    }

    private static com.draftorders.avro.common.LineItem line(CalculatedLine line, PresentmentCalculation.Line p) {
        LineItem item = line.item();
        return com.draftorders.avro.common.LineItem.newBuilder()
                .setLineItemId(item.lineItemId())
                .setVariantId(item.variantId())
                .setProductId(item.productId())
                .setSku(item.sku())
                .setTitle(item.title())
                .setVariantTitle(item.variantTitle())
                .setQuantity(item.quantity())
                .setPrice(item.price())
                .setOriginalPrice(item.originalPrice())
                .setGrams(item.grams())
                .setTaxable(item.taxable())
                .setRequiresShipping(item.requiresShipping())
                .setAppliedDiscount(discount(item.appliedDiscount(), line.lineDiscount(), p.lineDiscount(), null))
                .setTaxLines(taxLines(line.taxLines(), p.taxes()))
                .setDiscountedTotal(line.discountedTotal())
                .setPresentmentPrice(p.price())
                .setPresentmentDiscountedTotal(p.discountedTotal())
                .build();
    }

    private static com.draftorders.avro.common.AppliedDiscount discount(
            AppliedDiscount discount, long amount, long presentmentAmount, String code) {
        if (discount == null) {
            return null;
        }
        return com.draftorders.avro.common.AppliedDiscount.newBuilder()
                .setTitle(discount.title())
                .setDescription(discount.description())
                .setValueType(DiscountValueType.valueOf(discount.valueType().name()))
                .setPercentage(
                        discount.percentage() == null
                                ? null
                                : discount.percentage().toPlainString())
                .setFixedAmount(discount.fixedAmount())
                .setAmount(amount)
                .setPresentmentAmount(presentmentAmount)
                .setCode(code)
                .build();
    }

    private static List<com.draftorders.avro.common.TaxLine> taxLines(
            List<TaxLine> taxLines, List<Long> presentmentPrices) {
        List<com.draftorders.avro.common.TaxLine> result = new ArrayList<>(taxLines.size());
        for (int i = 0; i < taxLines.size(); i++) {
            TaxLine t = taxLines.get(i);
            result.add(new com.draftorders.avro.common.TaxLine(
                    t.title(), t.rateText(), t.price(), presentmentPrices.get(i)));
        }
        return result;
    }

    private static com.draftorders.avro.common.Address address(Address a) {
        if (a == null) {
            return null;
        }
        return com.draftorders.avro.common.Address.newBuilder()
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
}
