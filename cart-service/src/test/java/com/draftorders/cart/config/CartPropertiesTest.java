package com.draftorders.cart.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.draftorders.cart.domain.Address;
import com.draftorders.cart.domain.CartCalculation;
import com.draftorders.cart.domain.CartCalculator;
import com.draftorders.cart.domain.CartContent;
import com.draftorders.cart.domain.LineItem;
import com.draftorders.cart.domain.TaxLine;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/** The defaults in cart-service.yml bind and give the documented rates. */
class CartPropertiesTest {

    private static CartProperties fromServiceYaml() throws IOException {
        var sources = new YamlPropertySourceLoader().load("cart-service", new ClassPathResource("cart-service.yml"));
        return new Binder(ConfigurationPropertySources.from(sources))
                .bind("draftorders.cart", CartProperties.class)
                .get();
    }

    private static List<TaxLine> taxOf1000ShippedTo(CartCalculator calculator, String country, String province) {
        LineItem item = new LineItem("li", "v", null, null, "Item", null, 1, 1000, null, 0, true, true, null);
        CartContent content =
                new CartContent("EUR", List.of(item), null, null, Address.of(country, province), null, false, false);
        CartCalculation cart = calculator.calculate(content);
        return cart.taxLines();
    }

    @Test
    void theDefaultRatesAreTheDocumentedOnes() throws IOException {
        CartProperties properties = fromServiceYaml();

        assertThat(properties.taxShipping()).isTrue();
        assertThat(properties.taxRates())
                .containsOnlyKeys("DE", "FR", "GB", "US-CA", "US-NY", "CA-ON")
                .containsEntry("US-CA", new CartProperties.TaxRateEntry("CA State Tax", new BigDecimal("0.0725")))
                .containsEntry("FR", new CartProperties.TaxRateEntry("TVA", new BigDecimal("0.20")));
    }

    @Test
    void calculationsUseADiscountRuleReadByAnotherInstanceForFiveSecondsByDefault() throws IOException {
        assertThat(fromServiceYaml().discountCodeCacheTtl()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void theDefaultCalculatorTaxesByProvinceThenCountry() throws IOException {
        CartCalculator calculator = CartConfiguration.calculator(fromServiceYaml());

        // 1000 * 0.0725 = 72.5 -> 73; 1000 * 0.04 = 40; 1000 * 0.19 = 190; 1000 * 0.20 = 200; 1000 * 0.13 = 130
        assertThat(taxOf1000ShippedTo(calculator, "US", "CA"))
                .containsExactly(new TaxLine("CA State Tax", new BigDecimal("0.0725"), 73));
        assertThat(taxOf1000ShippedTo(calculator, "US", "NY"))
                .containsExactly(new TaxLine("NY State Tax", new BigDecimal("0.04"), 40));
        assertThat(taxOf1000ShippedTo(calculator, "DE", null))
                .containsExactly(new TaxLine("VAT", new BigDecimal("0.19"), 190));
        assertThat(taxOf1000ShippedTo(calculator, "GB", null).get(0).rateText()).isEqualTo("0.20");
        assertThat(taxOf1000ShippedTo(calculator, "CA", "ON"))
                .containsExactly(new TaxLine("HST", new BigDecimal("0.13"), 130));
        assertThat(taxOf1000ShippedTo(calculator, "US", "TX")).isEmpty();
    }

    private static List<com.draftorders.cart.domain.CartWarning> warningsShippedTo(
            CartCalculator calculator, String country, String province) {
        LineItem item = new LineItem("li", "v", null, null, "Item", null, 1, 1000, null, 0, true, true, null);
        CartContent content =
                new CartContent("EUR", List.of(item), null, null, Address.of(country, province), null, false, false);
        return calculator.calculate(content).warnings();
    }

    @Test
    void aRegionWithoutAConfiguredRateIsAWarningNotASilentZero() throws IOException {
        CartCalculator calculator = CartConfiguration.calculator(fromServiceYaml());

        assertThat(warningsShippedTo(calculator, "US", null)).singleElement().satisfies(w -> {
            assertThat(w.reason().code()).isEqualTo("no_tax_rate");
            assertThat(w.field()).isEqualTo("shipping_address");
            assertThat(w.message()).contains("US");
        });
        assertThat(warningsShippedTo(calculator, "BR", null))
                .extracting(w -> w.reason().code())
                .containsExactly("no_tax_rate");
        assertThat(warningsShippedTo(calculator, "US", "TX"))
                .extracting(w -> w.message())
                .singleElement()
                .asString()
                .contains("US-TX");
        assertThat(warningsShippedTo(calculator, "US", "CA")).isEmpty();
        assertThat(warningsShippedTo(calculator, "DE", null)).isEmpty();
    }

    @Test
    void withoutConfigurationNothingIsTaxedAndShippingTaxDefaultsToOn() {
        CartProperties properties = new Binder(new MapConfigurationPropertySource(Map.of("unrelated", "x")))
                .bindOrCreate("draftorders.cart", CartProperties.class);

        assertThat(properties.taxRates()).isEmpty();
        assertThat(properties.taxShipping()).isTrue();
    }

    @Test
    void anIncompleteRateFailsAtStartup() {
        CartProperties properties =
                new CartProperties(Map.of("DE", new CartProperties.TaxRateEntry("VAT", null)), true, Duration.ZERO);
        CartProperties outOfRange = new CartProperties(
                Map.of("DE", new CartProperties.TaxRateEntry("VAT", new BigDecimal("19"))), true, Duration.ZERO);

        assertThatThrownBy(() -> CartConfiguration.calculator(properties))
                .hasMessageContaining("draftorders.cart.tax-rates.DE needs both a title and a rate");
        assertThatThrownBy(() -> CartConfiguration.calculator(outOfRange))
                .hasMessageContaining("must be between 0 and 1");
    }
}
