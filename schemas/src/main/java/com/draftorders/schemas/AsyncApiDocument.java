package com.draftorders.schemas;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * The AsyncAPI 3.0.0 document of every topic, generated from the catalog ({@link Topics}, {@link Topic},
 * {@link Topics.Participants}), the Avro schemas and {@link EventHeaders}, and checked in as
 * {@code schemas/asyncapi.yaml}. {@link #main} rewrites that file; {@code AsyncApiDocumentTest} fails while it differs.
 *
 * <ul>
 *   <li>one channel per topic and one per dead-letter topic, the address being the topic name;
 *   <li>one message per payload type of a topic's union, named after the payload record, whose payload is that
 *       record's Avro schema; on the wire it travels inside the topic's envelope (metadata + payload union, the
 *       registry subject {@code <topic>-value}), Confluent wire format;
 *   <li>the record key (a string, see {@link Topics.Participants#key()}) and the {@link EventHeaders} as a JSON
 *       schema, with {@code ce_type} fixed to the payload's full name;
 *   <li>operations: who sends and who receives each topic, and the consumers' sends to the dead-letter topic.
 * </ul>
 */
public final class AsyncApiDocument {

    /** The checked-in document, relative to the repository root. */
    public static final String FILE = "schemas/asyncapi.yaml";

    static final String AVRO_FORMAT = "application/vnd.apache.avro;version=1.9.0";
    static final String KAFKA_BINDING_VERSION = "0.5.0";
    static final String HEADERS_SCHEMA = "EventHeaders";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build());

    private static final Map<String, String> HEADER_DESCRIPTIONS = Map.of(
            EventHeaders.EVENT_ID, "The envelope's metadata.event_id; consumers deduplicate on it.",
            EventHeaders.CE_ID, "CloudEvents id: equal to event_id.",
            EventHeaders.CE_TYPE, "CloudEvents type: the payload's Avro full name.",
            EventHeaders.CE_SOURCE,
                    "CloudEvents source: the producing service as a URI reference, e.g. /draft-service.",
            EventHeaders.CE_TIME, "CloudEvents time: RFC 3339 UTC, the envelope's metadata.occurred_at.",
            EventHeaders.CE_SPECVERSION, "CloudEvents specversion.",
            EventHeaders.CE_SUBJECT, "CloudEvents subject: the aggregate id (the record key).",
            EventHeaders.CONTENT_TYPE,
                    "CloudEvents datacontenttype (Kafka binding): the value is Confluent wire format: magic byte,"
                            + " 4-byte schema id, Avro binary.",
            EventHeaders.TRACEPARENT, "W3C Trace Context: 00-<32 hex trace id>-<16 hex span id>-<2 hex flags>.");

    private static final Map<String, String> HEADER_CONSTANTS = Map.of(
            EventHeaders.CE_SPECVERSION, EventHeaders.SPEC_VERSION,
            EventHeaders.CONTENT_TYPE, EventHeaders.AVRO_CONTENT_TYPE);

    private AsyncApiDocument() {}

    /** Writes the document to {@code args[0]} (default {@value #FILE}). */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : FILE);
        Files.writeString(file, yaml());
        System.out.println("wrote " + file.toAbsolutePath());
    }

    /** The document as YAML. */
    public static String yaml() {
        try {
            return YAML.writeValueAsString(document());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document as a tree. */
    public static ObjectNode document() {
        ObjectNode root = NODES.objectNode();
        root.put("asyncapi", "3.0.0");
        ObjectNode info = root.putObject("info");
        info.put("title", "draft-orders events and commands");
        info.put("version", "1");
        info.put(
                "description",
                "Every Kafka topic of the draft-orders system. A record's value is the topic's Avro envelope"
                        + " (common metadata plus a payload union; registry subject <topic>-value, Confluent wire"
                        + " format), its key the aggregate id as a string, and it carries the CloudEvents and trace"
                        + " headers. Each message below is one payload type of the union. Generated from the topic"
                        + " catalog by com.draftorders.schemas.AsyncApiDocument: do not edit by hand.");
        root.put("defaultContentType", EventHeaders.AVRO_CONTENT_TYPE);
        ObjectNode kafka = root.putObject("servers").putObject("kafka");
        kafka.put("host", "localhost:9092");
        kafka.put("protocol", "kafka");
        kafka.put(
                "description",
                "The Kafka cluster (the embedded stack's, by default); schemas are registered in the Apicurio"
                        + " registry with the Confluent-compatible API.");

        ObjectNode channels = root.putObject("channels");
        ObjectNode operations = root.putObject("operations");
        ObjectNode components = root.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        schemas.set(HEADERS_SCHEMA, headersSchema());
        ObjectNode messages = components.putObject("messages");

        for (Topic<String, ?> topic : Topics.ALL) {
            Topics.Participants participants = Topics.participants(topic);
            List<Schema> payloads = payloadTypes(topic);
            ObjectNode channel = channels.putObject(topic.name());
            channel.put("address", topic.name());
            channel.put(
                    "description",
                    "Value: " + topic.valueType().getName() + " (subject " + topic.valueSubject() + "). Key: "
                            + participants.key() + ". Written by " + names(participants.producers()) + "; read by "
                            + names(participants.consumers()) + ".");
            ObjectNode channelMessages = channel.putObject("messages");
            ObjectNode dlt = channels.putObject(topic.deadLetterTopic());
            dlt.put("address", topic.deadLetterTopic());
            dlt.put(
                    "description",
                    "Dead letters of " + topic.name() + ": a record its consumer could not decode, found invalid, or"
                            + " failed on after its retries, with the original key and value bytes and the error in"
                            + " the kafka_dlt-* headers (original topic, partition, offset, exception). Replayed by"
                            + " com.draftorders.messaging.tools.DeadLetters.");
            ObjectNode dltMessages = dlt.putObject("messages");
            for (Schema payload : payloads) {
                String name = payload.getName();
                if (messages.has(name)) {
                    throw new IllegalStateException("two topics carry a payload named " + name);
                }
                messages.set(name, message(topic, participants, payload));
                channelMessages.putObject(name).put("$ref", "#/components/messages/" + name);
                dltMessages.putObject(name).put("$ref", "#/components/messages/" + name);
            }
            channel.putObject("bindings").set("kafka", channelBinding(topic.name(), topic.partitions()));
            dlt.putObject("bindings").set("kafka", channelBinding(topic.deadLetterTopic(), topic.partitions()));

            for (String producer : participants.producers()) {
                operations.set(
                        producer + ".send." + topic.name(),
                        operation("send", producer, topic.name(), payloads, null, "writes"));
            }
            for (String consumer : participants.consumers()) {
                operations.set(
                        consumer + ".receive." + topic.name(),
                        operation("receive", consumer, topic.name(), payloads, consumer, "consumes"));
                operations.set(
                        consumer + ".send." + topic.deadLetterTopic(),
                        operation(
                                "send",
                                consumer,
                                topic.deadLetterTopic(),
                                payloads,
                                null,
                                "dead-letters what it cannot handle from " + topic.name() + " to"));
            }
        }
        return root;
    }

    /** The members of the topic's payload union, in union order. */
    public static List<Schema> payloadTypes(Topic<String, ?> topic) {
        return new ArrayList<>(topic.valueSchema().getField("payload").schema().getTypes());
    }

    static ObjectNode headersSchema() {
        ObjectNode schema = NODES.objectNode();
        schema.put("type", "object");
        schema.put(
                "description",
                "The Kafka record headers every message carries (com.draftorders.schemas.EventHeaders): the"
                        + " CloudEvents Kafka protocol binding, binary content mode, and W3C trace context.");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        for (String header : EventHeaders.ALL) {
            ObjectNode property = properties.putObject(header);
            property.put("type", "string");
            property.put("description", HEADER_DESCRIPTIONS.getOrDefault(header, "See EventHeaders." + header));
            if (HEADER_CONSTANTS.containsKey(header)) {
                property.put("const", HEADER_CONSTANTS.get(header));
            }
            required.add(header);
        }
        schema.set("required", required);
        return schema;
    }

    static ObjectNode message(Topic<String, ?> topic, Topics.Participants participants, Schema payload) {
        ObjectNode message = NODES.objectNode();
        message.put("name", payload.getName());
        message.put("title", payload.getName());
        message.put(
                "summary",
                payload.getDoc() == null || payload.getDoc().isBlank()
                        ? payload.getFullName() + " on " + topic.name()
                        : payload.getDoc());
        message.put(
                "description",
                "Travels as the payload of " + topic.valueType().getName() + " (subject " + topic.valueSubject()
                        + ") on " + topic.name() + ".");
        message.put("contentType", EventHeaders.AVRO_CONTENT_TYPE);

        ObjectNode headers = message.putObject("headers");
        ArrayNode allOf = headers.putArray("allOf");
        allOf.addObject().put("$ref", "#/components/schemas/" + HEADERS_SCHEMA);
        ObjectNode type = allOf.addObject();
        type.put("type", "object");
        type.putObject("properties").putObject(EventHeaders.CE_TYPE).put("const", payload.getFullName());

        ObjectNode body = message.putObject("payload");
        body.put("schemaFormat", AVRO_FORMAT);
        body.set("schema", avro(payload));

        ObjectNode binding = message.putObject("bindings").putObject("kafka");
        ObjectNode key = binding.putObject("key");
        key.put("type", "string");
        key.put("description", participants.key());
        binding.put("schemaIdLocation", "payload");
        binding.put("schemaIdPayloadEncoding", "confluent");
        binding.put("bindingVersion", KAFKA_BINDING_VERSION);
        return message;
    }

    static ObjectNode operation(
            String action, String service, String channel, List<Schema> payloads, String groupId, String verb) {
        ObjectNode operation = NODES.objectNode();
        operation.put("action", action);
        operation.putObject("channel").put("$ref", "#/channels/" + channel);
        operation.put("summary", service + " " + verb + " " + channel);
        operation.putArray("tags").addObject().put("name", service);
        ArrayNode messages = operation.putArray("messages");
        for (Schema payload : payloads) {
            messages.addObject().put("$ref", "#/channels/" + channel + "/messages/" + payload.getName());
        }
        if (groupId != null) {
            ObjectNode kafka = operation.putObject("bindings").putObject("kafka");
            ObjectNode group = kafka.putObject("groupId");
            group.put("type", "string");
            group.putArray("enum").add(groupId);
            kafka.put("bindingVersion", KAFKA_BINDING_VERSION);
        }
        return operation;
    }

    static ObjectNode channelBinding(String topic, int partitions) {
        ObjectNode kafka = NODES.objectNode();
        kafka.put("topic", topic);
        kafka.put("partitions", partitions);
        kafka.put("bindingVersion", KAFKA_BINDING_VERSION);
        return kafka;
    }

    /** An Avro schema as the JSON tree Avro writes for it (named types inlined once, self-contained). */
    static JsonNode avro(Schema schema) {
        try {
            return JSON.readTree(schema.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Avro wrote a schema that is not JSON", e);
        }
    }

    private static String names(List<String> names) {
        return names.isEmpty() ? "services outside this system" : String.join(", ", names);
    }
}
