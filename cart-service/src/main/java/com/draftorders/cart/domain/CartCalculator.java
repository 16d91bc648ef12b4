package com.draftorders.cart.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Calculates a cart: line discounts, the order discount and its allocation to lines, taxes and totals. Pure and
 * deterministic: the same content and rate table always give the same result.
 *
 * <h2>Rounding rule</h2>
 *
 * <p>All money is a {@code long} of minor units of the cart currency; {@link BigDecimal} is used only to multiply
 * by a percentage or a tax rate. <b>Each computed amount is rounded once, to minor units, with
 * {@link RoundingMode#HALF_UP}, per line — never on a sum.</b> Sums are exact sums of already rounded amounts, so
 * the totals always equal the sum of what the lines show.
 *
 * <ol>
 *   <li><b>Line subtotal</b> = price * quantity (exact).
 *   <li><b>Line discount</b> (the line's {@code applied_discount.amount}): {@code PERCENTAGE} →
 *       round(subtotal * percentage / 100); {@code FIXED_AMOUNT} → fixed_amount * quantity (the fixed amount is per
 *       unit, as in Shopify). Never more than the line subtotal.
 *   <li><b>Order discount</b> applies after line discounts, to S = the sum of (subtotal - line discount):
 *       {@code PERCENTAGE} → round(S * percentage / 100); {@code FIXED_AMOUNT} → min(fixed_amount, S). It is
 *       allocated to the lines in proportion to (subtotal - line discount) by the largest-remainder method: each
 *       line gets floor(D * w / S), then the minor units left over go one each to the lines with the largest
 *       remainders (ties: the earlier line). The shares add up to D exactly. Custom lines and non-taxable lines take
 *       their share like any other line. Several order-level discounts — the cart's own applied discount first,
 *       then each discount code that applies, in the order given — are taken one after the other: each on what
 *       the earlier ones left (S less their amounts), each allocated on its own in proportion to what every line
 *       has left, so no line ever goes below zero.
 *   <li><b>Discounted total</b> of a line = subtotal - line discount - allocated order discount.
 *   <li><b>Tax</b> (none when the cart is tax exempt or its region has no rate; none on a line with
 *       {@code taxable = false}): prices without tax → round(discounted total * rate); prices with tax included →
 *       round(discounted total * rate / (1 + rate)), where the division is carried to 10 decimal places truncated,
 *       which cannot move a value across a .5 boundary, and rounding happens only at the end. Shipping is taxed the
 *       same way on its price when shipping tax is on.
 *   <li><b>Totals</b>: line items subtotal = sum of subtotals; total discounts = line discounts + order discount;
 *       subtotal = sum of discounted totals; total tax = line taxes + shipping tax; total = subtotal + shipping +
 *       tax (tax not added when prices include it). Cart tax lines sum line and shipping tax per (title, rate).
 * </ol>
 *
 * <p>Worked example (EUR, minor units = cents): 3 x 335 = 1005; 10% off is round(100.5) = 101 (half up; half even
 * would give 100), so the line's discounted total is 904; 19% VAT on it is round(171.76) = 172. With tax included, a
 * line of 1190 at 19% carries round(1190 * 0.19 / 1.19) = round(190.0) = 190 of tax and its total stays 1190.
 *
 * <p><b>Presentment currency.</b> The shop amounts above are converted with the rate one by one (line discount,
 * each order discount share, discounted total, each tax line, shipping price, shipping tax), each rounded HALF_UP
 * to the presentment currency's minor units; every presentment sum is the sum of those converted parts, so the
 * totals identities hold exactly in both currencies (see {@link PresentmentCalculation}).
 *
 * <p><b>Discount codes</b> are resolved against the store's rules at the moment of calculation: an unknown code, one
 * not valid yet or expired, one whose minimum S does not reach, or one for another currency does not apply and
 * becomes a {@link CartWarning}; the cart is calculated without it.
 *
 * <p>Arithmetic that would overflow a {@code long} (or the {@code int} total quantity) makes the content invalid
 * rather than wrap: every sum and product uses {@link Math#addExact} / {@link Math#multiplyExact}. The one
 * intermediate product that may legitimately exceed a {@code long}, D * w in the allocation, is computed with
 * {@link BigInteger}; its quotient is at most w.
 *
 * <p>See also {@code cart-service/ROUNDING.md}.
 */
public final class CartCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Decimal places of the tax-included division; truncated, so the final HALF_UP rounding stays exact. */
    private static final int TAX_INCLUDED_DIVISION_SCALE = 10;

    private final TaxRateTable taxRates;
    private final boolean taxShipping;

    /**
     * @param taxRates the rates by region
     * @param taxShipping whether shipping is taxed at the cart's rate
     */
    public CartCalculator(TaxRateTable taxRates, boolean taxShipping) {
        this.taxRates = taxRates;
        this.taxShipping = taxShipping;
    }

    /**
     * Calculates {@code content} without discount rules: every discount code of the content is reported as not
     * found.
     *
     * @throws InvalidCartContentException when the content is invalid or its amounts are too large to add up
     */
    public CartCalculation calculate(CartContent content) {
        return calculate(content, DiscountCodes.NONE, Instant.EPOCH);
    }

    /**
     * Calculates {@code content}, resolving its discount codes against {@code codes} as they are at {@code now}.
     *
     * @throws InvalidCartContentException when the content is invalid or its amounts are too large to add up
     */
    public CartCalculation calculate(CartContent content, DiscountCodes codes, Instant now) {
        validate(content);
        try {
            return doCalculate(content, codes, now);
        } catch (ArithmeticException e) {
            throw new InvalidCartContentException(
                    "the cart's amounts are too large to calculate (" + e.getMessage() + ")");
        }
    }

    /** An order-level discount: the draft's own applied discount, or one from a discount code. */
    private record OrderLevel(AppliedDiscount discount, String code) {}

    private CartCalculation doCalculate(CartContent content, DiscountCodes codes, Instant now) {
        List<LineItem> items = content.lineItems();
        int n = items.size();
        long[] subtotals = new long[n];
        long[] lineDiscounts = new long[n];
        long[] afterLineDiscount = new long[n];
        long sumAfterLineDiscounts = 0;
        for (int i = 0; i < n; i++) {
            LineItem item = items.get(i);
            subtotals[i] = Math.multiplyExact(item.price(), (long) item.quantity());
            lineDiscounts[i] = lineDiscount(item, subtotals[i]);
            afterLineDiscount[i] = subtotals[i] - lineDiscounts[i];
            sumAfterLineDiscounts = Math.addExact(sumAfterLineDiscounts, afterLineDiscount[i]);
        }

        // Order-level discounts one after the other, each on what the earlier ones left, each allocated on its own.
        List<CartWarning> warnings = new ArrayList<>();
        List<OrderLevel> orderLevel = new ArrayList<>();
        if (content.appliedDiscount() != null) {
            orderLevel.add(new OrderLevel(content.appliedDiscount(), null));
        }
        orderLevel.addAll(resolve(content, codes, now, sumAfterLineDiscounts, warnings));
        int k = orderLevel.size();
        long[] remaining = afterLineDiscount.clone();
        long remainingTotal = sumAfterLineDiscounts;
        long[] orderAmounts = new long[k];
        long[][] sharesByDiscount = new long[k][];
        long[] shares = new long[n];
        for (int d = 0; d < k; d++) {
            orderAmounts[d] = orderDiscount(orderLevel.get(d).discount(), remainingTotal);
            sharesByDiscount[d] = allocate(orderAmounts[d], remaining, remainingTotal);
            for (int i = 0; i < n; i++) {
                remaining[i] -= sharesByDiscount[d][i];
                shares[i] += sharesByDiscount[d][i];
            }
            remainingTotal -= orderAmounts[d];
        }
        long orderDiscount = content.appliedDiscount() == null ? 0 : orderAmounts[0];

        CurrencyConversion conversion = CurrencyConversion.of(content);
        Optional<TaxRate> rate = content.taxExempt() ? Optional.empty() : taxRates.rateFor(content);
        boolean taxed = items.stream().anyMatch(LineItem::taxable) || (taxShipping && content.shippingLine() != null);
        if (!content.taxExempt() && taxed) {
            CartWarning missing = taxRates.missingRate(content);
            if (missing != null) {
                warnings.add(missing);
            }
        }
        List<CalculatedLine> lines = new ArrayList<>(n);
        List<PresentmentCalculation.Line> presentmentLines = new ArrayList<>(n);
        long[] presentmentOrderAmounts = new long[k];
        for (int i = 0; i < n; i++) {
            LineItem item = items.get(i);
            long discountedTotal = afterLineDiscount[i] - shares[i];
            List<TaxLine> taxLines =
                    item.taxable() ? taxLines(rate, discountedTotal, content.taxesIncluded()) : List.of();
            lines.add(CalculatedLine.of(item, lineDiscounts[i], shares[i], taxLines));

            // presentment: each part converted on its own; the sums are the converted parts' (CartCalculation.of)
            long pShare = 0;
            for (int d = 0; d < k; d++) {
                long pPart = conversion.convert(sharesByDiscount[d][i]);
                presentmentOrderAmounts[d] = Math.addExact(presentmentOrderAmounts[d], pPart);
                pShare = Math.addExact(pShare, pPart);
            }
            List<Long> pTaxes = new ArrayList<>(taxLines.size());
            for (TaxLine taxLine : taxLines) {
                pTaxes.add(conversion.convert(taxLine.price()));
            }
            presentmentLines.add(PresentmentCalculation.Line.of(
                    conversion.convert(item.price()),
                    conversion.convert(lineDiscounts[i]),
                    pShare,
                    conversion.convert(discountedTotal),
                    pTaxes));
        }

        CalculatedShipping shipping = null;
        long pShippingPrice = 0;
        List<Long> pShippingTaxes = new ArrayList<>();
        if (content.shippingLine() != null) {
            long shippingPrice = content.shippingLine().price();
            pShippingPrice = conversion.convert(shippingPrice);
            List<TaxLine> shippingTax =
                    taxShipping ? taxLines(rate, shippingPrice, content.taxesIncluded()) : List.of();
            shipping = new CalculatedShipping(content.shippingLine(), shippingTax);
            for (TaxLine taxLine : shippingTax) {
                pShippingTaxes.add(conversion.convert(taxLine.price()));
            }
        }

        List<AppliedDiscountCode> appliedCodes = new ArrayList<>();
        for (int d = content.appliedDiscount() == null ? 0 : 1; d < k; d++) {
            OrderLevel applied = orderLevel.get(d);
            appliedCodes.add(new AppliedDiscountCode(
                    applied.code(), applied.discount(), orderAmounts[d], presentmentOrderAmounts[d]));
        }
        return CartCalculation.of(
                content,
                lines,
                orderDiscount,
                shipping,
                presentmentLines,
                content.appliedDiscount() == null ? 0 : presentmentOrderAmounts[0],
                pShippingPrice,
                pShippingTaxes,
                appliedCodes,
                warnings);
    }

    /**
     * The content's discount codes that apply, in order; a warning for each one that does not (unknown, not valid
     * yet, expired, below its minimum, for another currency, or given twice).
     */
    private static List<OrderLevel> resolve(
            CartContent content, DiscountCodes codes, Instant now, long base, List<CartWarning> warnings) {
        List<OrderLevel> applied = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> given = content.discountCodes();
        for (int i = 0; i < given.size(); i++) {
            String code = given.get(i);
            String key = DiscountCode.normalize(code);
            if (!seen.add(key)) {
                warnings.add(CartWarning.of(CartWarning.Reason.DISCOUNT_CODE_DUPLICATE, i, code));
                continue;
            }
            Optional<DiscountCode> rule = key == null || key.isEmpty() ? Optional.empty() : codes.find(key);
            if (rule.isEmpty()) {
                warnings.add(CartWarning.of(CartWarning.Reason.DISCOUNT_CODE_NOT_FOUND, i, code));
                continue;
            }
            Optional<CartWarning.Reason> refusal = rule.get().refusal(now, content.currency(), base);
            if (refusal.isPresent()) {
                warnings.add(CartWarning.of(refusal.get(), i, code));
                continue;
            }
            applied.add(new OrderLevel(rule.get().discount(), rule.get().code()));
        }
        return applied;
    }

    private static long lineDiscount(LineItem item, long subtotal) {
        AppliedDiscount discount = item.appliedDiscount();
        if (discount == null) {
            return 0;
        }
        long amount = switch (discount.valueType()) {
            case PERCENTAGE -> percentOf(subtotal, discount.percentage());
            case FIXED_AMOUNT -> Math.multiplyExact(discount.fixedAmount(), (long) item.quantity());
        };
        return Math.min(amount, subtotal);
    }

    private static long orderDiscount(AppliedDiscount discount, long base) {
        if (discount == null) {
            return 0;
        }
        long amount = switch (discount.valueType()) {
            case PERCENTAGE -> percentOf(base, discount.percentage());
            case FIXED_AMOUNT -> discount.fixedAmount();
        };
        return Math.min(amount, base);
    }

    /** round(amount * percent / 100), HALF_UP; the product is exact, so this is the only rounding. */
    private static long percentOf(long amount, BigDecimal percent) {
        return BigDecimal.valueOf(amount)
                .multiply(percent)
                .divide(HUNDRED)
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /**
     * Splits {@code discount} over the lines in proportion to {@code weights} (which sum to {@code total}) by the
     * largest-remainder method; ties go to the earlier line. Requires {@code discount <= total}.
     */
    static long[] allocate(long discount, long[] weights, long total) {
        int n = weights.length;
        long[] shares = new long[n];
        if (discount == 0 || total == 0) {
            return shares;
        }
        BigInteger[] remainders = new BigInteger[n];
        long allocated = 0;
        for (int i = 0; i < n; i++) {
            // D * w can exceed a long even when D and w are legal amounts; the quotient never does (it is <= w).
            BigInteger[] division = BigInteger.valueOf(discount)
                    .multiply(BigInteger.valueOf(weights[i]))
                    .divideAndRemainder(BigInteger.valueOf(total));
            shares[i] = division[0].longValueExact();
            remainders[i] = division[1];
            allocated += shares[i];
        }
        long left = discount - allocated;
        List<Integer> byRemainder = IntStream.range(0, n)
                .boxed()
                .sorted(Comparator.<Integer, BigInteger>comparing(i -> remainders[i])
                        .reversed()
                        .thenComparing(i -> i))
                .toList();
        for (int k = 0; k < left; k++) {
            shares[byRemainder.get(k)]++;
        }
        return shares;
    }

    private static List<TaxLine> taxLines(Optional<TaxRate> rate, long amount, boolean taxesIncluded) {
        return rate.map(r -> List.of(new TaxLine(r.title(), r.rate(), tax(amount, r.rate(), taxesIncluded))))
                .orElse(List.of());
    }

    /** round(amount * rate) or, with tax included, round(amount * rate / (1 + rate)); HALF_UP, once. */
    static long tax(long amount, BigDecimal rate, boolean taxesIncluded) {
        BigDecimal tax = BigDecimal.valueOf(amount).multiply(rate);
        if (taxesIncluded) {
            tax = tax.divide(BigDecimal.ONE.add(rate), TAX_INCLUDED_DIVISION_SCALE, RoundingMode.DOWN);
        }
        return tax.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private static void validate(CartContent content) {
        if (content == null) {
            throw new InvalidCartContentException("the cart has no content");
        }
        if (content.currency() == null || !isCurrency(content.currency())) {
            throw new InvalidCartContentException("currency " + content.currency() + " is not an ISO 4217 currency");
        }
        if (content.lineItems() == null) {
            throw new InvalidCartContentException("line_items must be given (may be empty)");
        }
        for (int i = 0; i < content.lineItems().size(); i++) {
            LineItem item = content.lineItems().get(i);
            String path = "line_items[" + i + "]";
            if (item == null) {
                throw new InvalidCartContentException(path + " must not be null");
            }
            if (item.quantity() < 1) {
                throw new InvalidCartContentException(path + ".quantity must be at least 1, was " + item.quantity());
            }
            if (item.price() < 0) {
                throw new InvalidCartContentException(path + ".price must not be negative, was " + item.price());
            }
            if (item.grams() < 0) {
                throw new InvalidCartContentException(path + ".grams must not be negative, was " + item.grams());
            }
            validate(item.appliedDiscount(), path + ".applied_discount");
        }
        validate(content.appliedDiscount(), "applied_discount");
        if (content.shippingLine() != null && content.shippingLine().price() < 0) {
            throw new InvalidCartContentException("shipping_line.price must not be negative, was "
                    + content.shippingLine().price());
        }
        validatePresentment(content);
    }

    private static void validatePresentment(CartContent content) {
        String presentment = content.presentmentCurrency();
        BigDecimal rate = content.exchangeRate();
        if (presentment == null) {
            if (rate != null) {
                throw new InvalidCartContentException("exchange_rate needs a presentment_currency");
            }
            return;
        }
        if (!isCurrency(presentment)) {
            throw new InvalidCartContentException(
                    "presentment_currency " + presentment + " is not an ISO 4217 currency");
        }
        if (rate == null) {
            if (!presentment.equals(content.currency())) {
                throw new InvalidCartContentException(
                        "presentment_currency " + presentment + " needs an exchange_rate");
            }
            return;
        }
        if (rate.signum() <= 0
                || rate.compareTo(CurrencyConversion.MAX_RATE) > 0
                || rate.scale() > CurrencyConversion.MAX_RATE_SCALE) {
            throw new InvalidCartContentException("exchange_rate must be above 0, at most "
                    + CurrencyConversion.MAX_RATE + " with at most " + CurrencyConversion.MAX_RATE_SCALE
                    + " decimal places, was " + rate.toPlainString());
        }
        if (presentment.equals(content.currency()) && rate.compareTo(BigDecimal.ONE) != 0) {
            throw new InvalidCartContentException("exchange_rate must be 1 when presentment_currency is the currency");
        }
    }

    private static void validate(AppliedDiscount discount, String path) {
        if (discount == null) {
            return;
        }
        if (discount.valueType() == null) {
            throw new InvalidCartContentException(path + ".value_type must be given");
        }
        switch (discount.valueType()) {
            case PERCENTAGE -> {
                BigDecimal percentage = discount.percentage();
                if (percentage == null) {
                    throw new InvalidCartContentException(path + ".percentage must be given for PERCENTAGE");
                }
                if (percentage.signum() < 0 || percentage.compareTo(HUNDRED) > 0) {
                    throw new InvalidCartContentException(
                            path + ".percentage must be between 0 and 100, was " + percentage.toPlainString());
                }
            }
            case FIXED_AMOUNT -> {
                if (discount.fixedAmount() == null) {
                    throw new InvalidCartContentException(path + ".fixed_amount must be given for FIXED_AMOUNT");
                }
                if (discount.fixedAmount() < 0) {
                    throw new InvalidCartContentException(
                            path + ".fixed_amount must not be negative, was " + discount.fixedAmount());
                }
            }
        }
    }

    private static boolean isCurrency(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
