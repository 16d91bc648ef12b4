package com.draftorders.messaging;

/**
 * Where the registry's Confluent-compatible API lives. {@link MessageCodec} writes exactly Confluent's wire format
 * through it: magic byte 0, the 4-byte schema id that {@code /apis/ccompat/v7/schemas/ids/{id}} resolves (Apicurio's
 * <em>content</em> id), then Avro binary, and no registry headers, so any Confluent-compatible client decodes our
 * topics.
 */
public final class AvroSerdes {

    private AvroSerdes() {}

    /** The Confluent-compatible API of the same registry, e.g. {@code http://host:8085/apis/ccompat/v7}. */
    public static String confluentCompatibleUrl(String registryUrl) {
        return registryUrl.replaceFirst("/apis/registry/v2/?$", "/apis/ccompat/v7");
    }
}
