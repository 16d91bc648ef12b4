package com.draftorders.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AmountsTest {

    @Test
    void amountsAreWrittenInTheCurrencysOwnPrecision() {
        assertThat(Amounts.format(5013, "EUR")).isEqualTo("50.13 EUR");
        assertThat(Amounts.format(5013, "JPY")).isEqualTo("5013 JPY");
        assertThat(Amounts.format(5013, "BHD")).isEqualTo("5.013 BHD");
        assertThat(Amounts.format(0, "USD")).isEqualTo("0.00 USD");
    }

    @Test
    void anAmountInAnUnknownCurrencyIsWrittenInMinorUnits() {
        assertThat(Amounts.format(5013, "???")).isEqualTo("5013 ???");
    }

    @Test
    void onlyUpperCaseIsoCodesAreCurrencies() {
        assertThat(Amounts.isCurrency("EUR")).isTrue();
        assertThat(Amounts.isCurrency("eur")).isFalse();
        assertThat(Amounts.isCurrency("ABC")).isFalse();
        assertThat(Amounts.isCurrency(null)).isFalse();
    }

    @Test
    void validAmountsRunFromZeroToTenToTheThirteenth() {
        assertThat(Amounts.isValid(0)).isTrue();
        assertThat(Amounts.isValid(10_000_000_000_000L)).isTrue();
        assertThat(Amounts.isValid(10_000_000_000_001L)).isFalse();
        assertThat(Amounts.isValid(-1)).isFalse();
    }
}
