package com.draftorders.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.avro.cart.UnlockCart;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

class MessagingMetricsTest {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final MessagingMetrics metrics = new MessagingMetrics(registry);

    @Test
    void aDeadLetterIsCountedByTopicAndWhyItFailedEvenWhenTheListenerWrappedTheError() {
        metrics.deadLettered(
                "cart-commands",
                new ListenerExecutionFailedException("failed", new UndecodableMessageException("garbage")));
        metrics.deadLettered(
                "cart-commands", new ListenerExecutionFailedException("failed", new InvalidMessageException("blank")));
        metrics.deadLettered(
                "cart-commands", new ListenerExecutionFailedException("failed", new IllegalStateException()));
        metrics.deadLettered(
                "cart-commands", new ListenerExecutionFailedException("failed", new IllegalStateException()));

        for (var reason : new String[][] {{"undecodable", "1"}, {"invalid", "1"}, {"failed", "2"}}) {
            assertThat(registry.get(MessagingMetrics.DEAD_LETTERED)
                            .tag("topic", "cart-commands")
                            .tag("reason", reason[0])
                            .counter()
                            .count())
                    .isEqualTo(Double.parseDouble(reason[1]));
        }
    }

    @Test
    void handledMessagesAreCountedByTopicTypeAndOutcome() {
        var unlock = new UnlockCart("cart_1", "dorder_1", 1);
        metrics.handled("cart-commands", unlock, true);
        metrics.handled("cart-commands", unlock, true);
        metrics.handled("cart-commands", unlock, false);

        assertThat(registry.get(MessagingMetrics.HANDLED)
                        .tags("topic", "cart-commands", "type", "UnlockCart", "outcome", "applied")
                        .counter()
                        .count())
                .isEqualTo(2.0);
        assertThat(registry.get(MessagingMetrics.HANDLED)
                        .tags("outcome", "ignored")
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }
}
