package com.draftorders.cart.config;

import com.draftorders.cart.domain.CartCalculator;
import com.draftorders.cart.domain.TaxRate;
import com.draftorders.cart.domain.TaxRateTable;
import com.draftorders.cart.persistence.DiscountCodeStore;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/** The cart calculator, built from the configured tax rates, and the stores' discount rules. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CartProperties.class)
public class CartConfiguration {

    @Bean
    DiscountCodeStore discountCodeStore(MongoDatabaseFactory mongo, CartProperties properties) {
        return new DiscountCodeStore(mongo.getMongoDatabase(), properties.discountCodeCacheTtl());
    }

    /** Creates the discount codes' index once the application context is ready. */
    @Bean
    SmartInitializingSingleton discountCodeIndexes(DiscountCodeStore discountCodes) {
        return discountCodes::createIndexes;
    }

    @Bean
    CartCalculator cartCalculator(CartProperties properties) {
        return calculator(properties);
    }

    /** The calculator {@code properties} describe; fails fast on an incomplete or out-of-range rate. */
    public static CartCalculator calculator(CartProperties properties) {
        Map<String, TaxRate> rates = new LinkedHashMap<>();
        properties.taxRates().forEach((region, entry) -> {
            if (entry == null || entry.title() == null || entry.rate() == null) {
                throw new IllegalStateException(
                        "draftorders.cart.tax-rates." + region + " needs both a title and a rate");
            }
            try {
                rates.put(region, new TaxRate(entry.title(), entry.rate()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("draftorders.cart.tax-rates." + region + ": " + e.getMessage(), e);
            }
        });
        return new CartCalculator(new TaxRateTable(rates), properties.taxShipping());
    }
}
