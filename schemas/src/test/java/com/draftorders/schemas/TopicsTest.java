package com.draftorders.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.draftorders.avro.cart.UnlockCart;
import com.draftorders.avro.common.Metadata;
import com.draftorders.avro.payment.VoidPayment;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void theCatalogNamesEveryTopicOfTheDesignOnce() {
        assertThat(Topics.ALL)
                .extracting(Topic::name)
                .containsExactly(
                        "draft-order-requests",
                        "draft-order-events",
                        "cart-commands",
                        "cart-events",
                        "payment-commands",
                        "payment-events",
                        "order-commands",
                        "order-events");
    }

    @Test
    void everyValueSchemaIsAnEnvelopeOfMetadataAndAPayloadUnion() {
        for (Topic<String, ?> topic : Topics.ALL) {
            var schema = topic.valueSchema();
            assertThat(schema.getField("metadata").schema().getFullName()).isEqualTo(Metadata.class.getName());
            assertThat(schema.getField("payload").schema().getTypes()).isNotEmpty();
        }
    }

    @Test
    void anEnvelopeAcceptsOnlyItsOwnTopicsPayloads() {
        Metadata metadata = Metadata.newBuilder()
                .setEventId("evt_1")
                .setOccurredAt(Instant.now())
                .setCorrelationId("c")
                .setStoreId("dev")
                .setAggregateId("cart_1")
                .setSource("test")
                .build();
        var unlock = new UnlockCart("cart_1", "dorder_1", 1);

        assertThat(Topic.payloadOf(Topics.CART_COMMANDS.wrap(metadata, unlock))).isEqualTo(unlock);
        assertThatThrownBy(() -> Topics.CART_COMMANDS.wrap(metadata, new VoidPayment("pay_1", "k", null)))
                .hasMessageContaining("VoidPayment is not a payload of topic cart-commands");
    }

    @Test
    void deadLetterTopicsAndSubjectsFollowTheNamingConvention() {
        assertThat(Topics.ORDER_EVENTS.deadLetterTopic()).isEqualTo("order-events-dlt");
        assertThat(Topics.ORDER_EVENTS.valueSubject()).isEqualTo("order-events-value");
        assertThat(Topics.byName("cart-events")).isSameAs(Topics.CART_EVENTS);
    }
}
