package com.draftorders.messaging;

import io.apicurio.registry.serde.Legacy4ByteIdHandler;
import io.apicurio.registry.serde.SerdeConfig;
import io.apicurio.registry.serde.avro.AvroKafkaSerdeConfig;
import java.util.HashMap;
import java.util.Map;

/**
 * The one place that configures Apicurio's Avro serdes. They write exactly Confluent's wire format: magic byte 0,
 * the 4-byte <em>content</em> id (which is what {@code /apis/ccompat/v7/schemas/ids/{id}} resolves), then Avro
 * binary, and no registry headers, so any Confluent-compatible client decodes our topics.
 */
public final class AvroSerdes {

    private AvroSerdes() {}

    public static Map<String, Object> serializerConfig(String registryUrl) {
        Map<String, Object> config = common(registryUrl);
        config.put(SerdeConfig.AUTO_REGISTER_ARTIFACT, true);
        config.put(SerdeConfig.AUTO_REGISTER_ARTIFACT_IF_EXISTS, "RETURN_OR_UPDATE");
        return config;
    }

    public static Map<String, Object> deserializerConfig(String registryUrl) {
        Map<String, Object> config = common(registryUrl);
        config.put(AvroKafkaSerdeConfig.USE_SPECIFIC_AVRO_READER, true);
        return config;
    }

    /** The Confluent-compatible API of the same registry, e.g. {@code http://host:8085/apis/ccompat/v7}. */
    public static String confluentCompatibleUrl(String registryUrl) {
        return registryUrl.replaceFirst("/apis/registry/v2/?$", "/apis/ccompat/v7");
    }

    private static Map<String, Object> common(String registryUrl) {
        Map<String, Object> config = new HashMap<>();
        config.put(SerdeConfig.REGISTRY_URL, registryUrl);
        config.put(SerdeConfig.ID_HANDLER, Legacy4ByteIdHandler.class.getName());
        config.put(SerdeConfig.USE_ID, "contentId");
        config.put(SerdeConfig.ENABLE_HEADERS, false);
        return config;
    }
}
