package com.draftorders.cart.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.cart.domain.CartCalculator;
import com.draftorders.cart.messaging.CartCommandHandler;
import com.draftorders.cart.messaging.CartMessagingConfiguration;
import com.draftorders.cart.persistence.Carts;
import com.draftorders.cart.persistence.DiscountCodeStore;
import com.draftorders.cart.support.InMemoryMongo;
import com.draftorders.cart.support.PlainAvroCodec;
import com.draftorders.messaging.MessageFactory;
import com.draftorders.messaging.Subscription;
import com.draftorders.messaging.work.AggregateType;
import com.draftorders.schemas.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * The service's own beans wire together: one subscription to cart-commands, the carts as an aggregate type for the
 * unit of work, a calculator and a discount code cache from the properties, the discount codes' index.
 */
class CartServiceWiringTest {

    @Test
    void theServiceSubscribesToCartCommandsWithTheConfiguredRatesAndCache() {
        try (InMemoryMongo mongo = new InMemoryMongo();
                PlainAvroCodec codec = new PlainAvroCodec()) {
            new ApplicationContextRunner()
                    .withUserConfiguration(
                            CartConfiguration.class, CartMessagingConfiguration.class, CartCommandHandler.class)
                    .withBean(MongoDatabaseFactory.class, mongo::databaseFactory)
                    .withBean(Clock.class, Clock::systemUTC)
                    .withBean(MessageFactory.class, () -> new MessageFactory(codec, "cart-service", Clock.systemUTC()))
                    .withPropertyValues(
                            "draftorders.cart.tax-rates[US-CA].title=CA State Tax",
                            "draftorders.cart.tax-rates[US-CA].rate=0.0725",
                            "draftorders.cart.tax-shipping=false",
                            "draftorders.cart.discount-code-cache-ttl=30s")
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context.getBean(Subscription.class).topic()).isEqualTo(Topics.CART_COMMANDS);
                        assertThat(context.getBeanProvider(AggregateType.class).stream())
                                .singleElement()
                                .isInstanceOf(Carts.class);
                        CartProperties properties = context.getBean(CartProperties.class);
                        assertThat(properties.taxRates()).containsOnlyKeys("US-CA");
                        assertThat(properties.taxShipping()).isFalse();
                        assertThat(properties.discountCodeCacheTtl()).isEqualTo(Duration.ofSeconds(30));
                        assertThat(context).hasSingleBean(CartCalculator.class);
                        assertThat(context).hasSingleBean(DiscountCodeStore.class);
                        List<String> indexes = new ArrayList<>();
                        mongo.database()
                                .getCollection(DiscountCodeStore.COLLECTION)
                                .listIndexes()
                                .forEach((Document index) -> indexes.add(index.getString("name")));
                        assertThat(indexes).contains("store_code");
                    });
        }
    }
}
