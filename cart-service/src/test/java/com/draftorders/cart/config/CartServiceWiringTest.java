package com.draftorders.cart.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.cart.domain.CartCalculator;
import com.draftorders.cart.messaging.CartCommandHandler;
import com.draftorders.cart.messaging.CartMessagingConfiguration;
import com.draftorders.cart.persistence.CartRepository;
import com.draftorders.cart.persistence.DiscountCodeRepository;
import com.draftorders.cart.support.InMemoryMongo;
import com.draftorders.cart.support.PlainAvroCodec;
import com.draftorders.messaging.MessageFactory;
import com.draftorders.messaging.OutboxRelay;
import com.draftorders.messaging.OutboxWriter;
import com.draftorders.messaging.Subscription;
import com.draftorders.schemas.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The service's own beans wire together: one subscription to cart-commands, a calculator from the properties. */
class CartServiceWiringTest {

    @Test
    void theServiceSubscribesToCartCommandsWithTheConfiguredRates() {
        try (InMemoryMongo mongo = new InMemoryMongo();
                PlainAvroCodec codec = new PlainAvroCodec()) {
            OutboxWriter writer = new OutboxWriter(
                    mongo.template(), new OutboxRelay(mongo.template(), null, List.of(), Duration.ofSeconds(1)));
            new ApplicationContextRunner()
                    .withUserConfiguration(
                            CartConfiguration.class,
                            CartMessagingConfiguration.class,
                            CartCommandHandler.class,
                            CartRepository.class,
                            DiscountCodeRepository.class)
                    .withBean(MongoTemplate.class, mongo::template)
                    .withBean(OutboxWriter.class, () -> writer)
                    .withBean(Clock.class, Clock::systemUTC)
                    .withBean(MessageFactory.class, () -> new MessageFactory(codec, "cart-service", Clock.systemUTC()))
                    .withPropertyValues(
                            "draftorders.cart.tax-rates[US-CA].title=CA State Tax",
                            "draftorders.cart.tax-rates[US-CA].rate=0.0725",
                            "draftorders.cart.tax-shipping=false")
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context.getBean(Subscription.class).topic()).isEqualTo(Topics.CART_COMMANDS);
                        assertThat(context.getBean(CartProperties.class).taxRates())
                                .containsOnlyKeys("US-CA");
                        assertThat(context.getBean(CartProperties.class).taxShipping())
                                .isFalse();
                        assertThat(context).hasSingleBean(CartCalculator.class);
                    });
        }
    }
}
