package com.draftorders.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * {@code schemas/asyncapi.yaml} is what {@link AsyncApiDocument} generates from the catalog, names every topic and
 * payload type, and is a valid AsyncAPI 3.0.0 document.
 */
class AsyncApiDocumentTest {

    static final String UPDATE_PROPERTY = "asyncapi.update";
    static final String UPDATE_HINT =
            "mvn -B -o -pl schemas test -Dspotless.check.skip=true -Dtest=AsyncApiDocumentTest"
                    + " -Dsurefire.failIfNoSpecifiedTests=false -D" + UPDATE_PROPERTY + "=true";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static Path checkedIn() {
        return Path.of(System.getProperty("basedir", ".")).resolve("asyncapi.yaml");
    }

    private static JsonNode document() throws IOException {
        return YAML.readTree(AsyncApiDocument.yaml());
    }

    @Test
    void theCheckedInDocumentIsTheGeneratedOne() throws IOException {
        String generated = AsyncApiDocument.yaml();
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.writeString(checkedIn(), generated);
            return;
        }
        String file = Files.exists(checkedIn()) ? Files.readString(checkedIn()).replace("\r\n", "\n") : "";
        assertThat(file)
                .as("schemas/asyncapi.yaml is not what the topic catalog and the Avro schemas generate. If the"
                        + " change is intended, regenerate it and commit it with the change:\n  " + UPDATE_HINT)
                .isEqualTo(generated);
    }

    @Test
    void everyTopicAndItsDeadLetterTopicIsAChannelWithEveryPayloadTypeOfItsUnion() throws IOException {
        JsonNode document = document();
        assertThat(document.path("asyncapi").asText()).isEqualTo("3.0.0");
        for (Topic<String, ?> topic : Topics.ALL) {
            List<String> payloads = AsyncApiDocument.payloadTypes(topic).stream()
                    .map(Schema::getName)
                    .toList();
            assertThat(payloads).isNotEmpty();
            for (String channelName : List.of(topic.name(), topic.deadLetterTopic())) {
                JsonNode channel = document.path("channels").path(channelName);
                assertThat(channel.path("address").asText()).isEqualTo(channelName);
                assertThat(fieldNames(channel.path("messages"))).containsExactlyElementsOf(payloads);
            }
            for (Schema payload : AsyncApiDocument.payloadTypes(topic)) {
                JsonNode message = document.path("components").path("messages").path(payload.getName());
                assertThat(message.path("payload").path("schemaFormat").asText())
                        .isEqualTo("application/vnd.apache.avro;version=1.9.0");
                assertThat(new Schema.Parser()
                                .parse(message.path("payload").path("schema").toString()))
                        .isEqualTo(payload);
                assertThat(message.path("headers")
                                .path("allOf")
                                .get(1)
                                .path("properties")
                                .path("ce_type")
                                .path("const")
                                .asText())
                        .isEqualTo(payload.getFullName());
                assertThat(message.path("bindings")
                                .path("kafka")
                                .path("key")
                                .path("type")
                                .asText())
                        .isEqualTo("string");
            }
        }
    }

    @Test
    void theHeadersAreTheEventHeaders() throws IOException {
        JsonNode headers = document().path("components").path("schemas").path("EventHeaders");

        assertThat(fieldNames(headers.path("properties"))).containsExactlyElementsOf(EventHeaders.ALL);
        assertThat(headers.path("required")).extracting(JsonNode::asText).containsExactlyElementsOf(EventHeaders.ALL);
    }

    @Test
    void theOperationsAreTheOwnershipOfTheDesign() throws IOException {
        JsonNode operations = document().path("operations");

        assertThat(fieldNames(operations))
                .contains(
                        "sales-channels.send.draft-order-requests",
                        "draft-service.receive.draft-order-requests",
                        "draft-service.send.draft-order-events",
                        "draft-service.send.cart-commands",
                        "cart-service.receive.cart-commands",
                        "cart-service.send.cart-events",
                        "draft-service.receive.cart-events",
                        "draft-service.send.payment-commands",
                        "order-service.send.payment-commands",
                        "payment-service.receive.payment-commands",
                        "payment-service.send.payment-events",
                        "order-service.receive.payment-events",
                        "draft-service.send.order-commands",
                        "order-service.receive.order-commands",
                        "order-service.send.order-events",
                        "draft-service.receive.order-events",
                        "cart-service.send.cart-commands-dlt")
                .doesNotContain("cart-service.send.cart-commands", "draft-service.send.cart-events");
        assertThat(operations
                        .path("payment-service.receive.payment-commands")
                        .path("bindings")
                        .path("kafka")
                        .path("groupId")
                        .path("enum")
                        .get(0)
                        .asText())
                .isEqualTo("payment-service");
    }

    @Test
    void everyReferenceResolves() throws IOException {
        JsonNode document = document();
        List<String> references = new ArrayList<>();
        collectReferences(document, references);

        assertThat(references).isNotEmpty();
        for (String reference : references) {
            assertThat(reference).startsWith("#/");
            JsonNode target = document.at(reference.substring(1));
            assertThat(target.isMissingNode()).as("%s resolves", reference).isFalse();
        }
    }

    @Test
    void theDocumentIsValidAgainstTheAsyncApi300JsonSchema() throws IOException {
        var registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
        try (InputStream schema = getClass().getResourceAsStream("/asyncapi/asyncapi-3.0.0-schema.json")) {
            var errors = registry.getSchema(schema).validate(AsyncApiDocument.yaml(), InputFormat.YAML);

            assertThat(errors).isEmpty();
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            names.add(field.getKey());
        }
        return names;
    }

    private static void collectReferences(JsonNode node, List<String> into) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().equals("$ref")) {
                    into.add(field.getValue().asText());
                } else {
                    collectReferences(field.getValue(), into);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectReferences(child, into));
        }
    }
}
