package com.draftorders.benchmark;

import com.draftorders.messaging.AvroSerdes;
import com.draftorders.messaging.MessageCodec;
import com.draftorders.schemas.Topic;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecordBase;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's own encoder and decoder for the registry wire format (magic byte 0, 4-byte schema id, Avro
 * binary): the same bytes as {@link MessageCodec}, but with the schema id and the Avro reader/writer looked up once
 * and cached, so the benchmark's clients, which share the JVM with the embedded services, cost microseconds per
 * message rather than the serdes' fraction of a millisecond and do not hide what the services cost.
 */
final class FastCodec implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MessageCodec codec;
    private final String ccompatUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, DatumReader<?>> readers = new ConcurrentHashMap<>();
    private final Map<String, Integer> writerIds = new ConcurrentHashMap<>();
    private final Map<String, DatumWriter<?>> writers = new ConcurrentHashMap<>();

    FastCodec(String registryUrl) {
        this.codec = new MessageCodec(registryUrl);
        this.ccompatUrl = AvroSerdes.confluentCompatibleUrl(registryUrl);
    }

    /** Decodes a record of {@code topic} written with any registered schema version. */
    @SuppressWarnings("unchecked")
    <V extends SpecificRecordBase> V decode(Topic<String, V> topic, byte[] bytes) {
        if (bytes == null || bytes.length < 5 || bytes[0] != 0) {
            throw new IllegalArgumentException("not in the registry wire format");
        }
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        var reader = (DatumReader<V>) readers.computeIfAbsent(
                topic.name() + ":" + id, k -> new SpecificDatumReader<V>(writerSchema(id), topic.valueSchema()));
        try {
            return reader.read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Encodes with the topic's current schema (registered through {@link MessageCodec} on first use). */
    @SuppressWarnings("unchecked")
    <V extends SpecificRecordBase> byte[] encode(Topic<String, V> topic, V envelope) {
        Integer id = writerIds.get(topic.name());
        if (id == null) {
            byte[] first;
            synchronized (codec) {
                first = codec.encode(topic, envelope);
            }
            writerIds.put(topic.name(), ByteBuffer.wrap(first, 1, 4).getInt());
            return first;
        }
        var writer = (DatumWriter<V>)
                writers.computeIfAbsent(topic.name(), k -> new SpecificDatumWriter<V>(topic.valueSchema()));
        var out = new ByteArrayOutputStream(512);
        out.write(0);
        out.writeBytes(ByteBuffer.allocate(4).putInt(id).array());
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            writer.write(envelope, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private Schema writerSchema(int id) {
        try {
            var response = http.send(
                    HttpRequest.newBuilder(URI.create(ccompatUrl + "/schemas/ids/" + id))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("schema " + id + ": HTTP " + response.statusCode());
            }
            return new Schema.Parser()
                    .parse(JSON.readTree(response.body()).path("schema").asString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        codec.close();
    }
}
