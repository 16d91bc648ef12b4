package com.draftorders.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

class SchemaEvolutionGateTest {

    @Test
    void everyCurrentSchemaIsBackwardCompatibleWithEveryReleasedVersion() {
        assertThat(SchemaEvolutionGate.checkAll()).isEmpty();
    }

    @Test
    void everyTopicHasAReleasedVersionThatMatchesOrPrecedesTheCurrentSchema() {
        for (Topic<String, ?> topic : Topics.ALL) {
            assertThat(SchemaEvolutionGate.releasedVersionsOnClasspath(topic.valueSubject()))
                    .as(topic.valueSubject())
                    .isNotEmpty();
        }
    }

    @Test
    void aNewFieldWithoutADefaultBreaksBackwardCompatibility() {
        Schema released = Topics.CART_EVENTS.valueSchema();
        Schema breaking = withExtraMetadataField(released, false);

        assertThat(SchemaEvolutionGate.incompatibilities(released, breaking))
                .singleElement()
                .asString()
                .contains("READER_FIELD_MISSING_DEFAULT")
                .contains("tenant");
    }

    @Test
    void aChangedFieldTypeBreaksBackwardCompatibility() {
        Schema released =
                SchemaBuilder.record("Thing").fields().requiredLong("amount").endRecord();
        Schema breaking =
                SchemaBuilder.record("Thing").fields().requiredInt("amount").endRecord();

        assertThat(SchemaEvolutionGate.incompatibilities(released, breaking)).isNotEmpty();
    }

    @Test
    void aNewOptionalFieldWithADefaultIsAccepted() {
        Schema released = Topics.CART_EVENTS.valueSchema();

        assertThat(SchemaEvolutionGate.incompatibilities(released, withExtraMetadataField(released, true)))
                .isEmpty();
    }

    @Test
    void removingAPayloadTypeFromTheUnionBreaksBackwardCompatibility() {
        Schema released = Topics.PAYMENT_EVENTS.valueSchema();
        String json = released.toString();
        // Drop PaymentRefunded from the payload union by renaming it: readers could no longer decode old records.
        Schema breaking = new Schema.Parser().parse(json.replace("\"PaymentRefunded\"", "\"PaymentRefundedRenamed\""));

        assertThat(SchemaEvolutionGate.incompatibilities(released, breaking)).isNotEmpty();
    }

    private static Schema withExtraMetadataField(Schema envelope, boolean withDefault) {
        String field = withDefault
                ? "{\"name\":\"tenant\",\"type\":[\"null\",\"string\"],\"default\":null},"
                : "{\"name\":\"tenant\",\"type\":\"string\"},";
        String json = envelope.toString()
                .replace("\"fields\":[{\"name\":\"event_id\"", "\"fields\":[" + field + "{\"name\":\"event_id\"");
        assertThat(json).contains("tenant");
        return new Schema.Parser().parse(json);
    }
}
