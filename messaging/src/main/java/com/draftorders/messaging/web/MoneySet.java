package com.draftorders.messaging.web;

/**
 * An amount in the shop currency and in the presentment currency the customer sees, as Shopify's {@code *_set}
 * fields show it on REST: {@code {"shop_money": {"amount": "65.85", "currency_code": "EUR"}, "presentment_money":
 * {"amount": "71.45", "currency_code": "USD"}}}. Amounts are decimal strings ({@link MoneyFormat}).
 */
public record MoneySet(Money shopMoney, Money presentmentMoney) {

    /** One amount in one currency. */
    public record Money(String amount, String currencyCode) {

        public static Money of(long minorUnits, String currency) {
            return new Money(MoneyFormat.format(minorUnits, currency), currency);
        }
    }

    /** The pair of minor-unit amounts. */
    public static MoneySet of(long shop, String shopCurrency, long presentment, String presentmentCurrency) {
        return new MoneySet(Money.of(shop, shopCurrency), Money.of(presentment, presentmentCurrency));
    }

    /** The pair, or null when either amount is unknown (not calculated yet). */
    public static MoneySet ofNullable(Long shop, String shopCurrency, Long presentment, String presentmentCurrency) {
        return shop == null || presentment == null ? null : of(shop, shopCurrency, presentment, presentmentCurrency);
    }
}
