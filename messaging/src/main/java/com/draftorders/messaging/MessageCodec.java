package com.draftorders.messaging;

import com.draftorders.schemas.AvroTrust;
import com.draftorders.schemas.Topic;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Encodes envelopes to the exact bytes that go on a topic and decodes them back: Confluent's wire format, magic byte
 * 0, the 4-byte schema id the registry's Confluent-compatible API resolves ({@code /schemas/ids/{id}}), then Avro
 * binary. Services encode when they write the outbox, so the relay only moves bytes.
 *
 * <p>The registry is asked once per schema, not per message: the id of a topic's current schema once (registering
 * it when new), and each writer schema id met while decoding once; the Avro writers and the (writer schema → the
 * topic's reader schema) resolutions are cached. Thread-safe.
 */
public class MessageCodec implements AutoCloseable {

    private static final byte MAGIC = 0;

    private final ConfluentRegistryClient registry;
    private final Map<Class<?>, Writer<?>> writers = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> writerSchemas = new ConcurrentHashMap<>();
    private final Map<Class<?>, Map<Integer, DatumReader<?>>> readers = new ConcurrentHashMap<>();
    private final ThreadLocal<Buffer> buffers = ThreadLocal.withInitial(Buffer::new);

    public MessageCodec(String registryUrl) {
        AvroTrust.trustGeneratedClasses();
        this.registry = new ConfluentRegistryClient(registryUrl);
    }

    public <V extends SpecificRecordBase> byte[] encode(Topic<String, V> topic, V envelope) {
        @SuppressWarnings("unchecked")
        Writer<V> writer = (Writer<V>) writers.computeIfAbsent(topic.valueType(), type -> writerFor(topic));
        Buffer buffer = buffers.get();
        buffer.reset();
        buffer.write(MAGIC);
        buffer.writeInt(writer.schemaId());
        try {
            buffer.encoder = EncoderFactory.get().binaryEncoder(buffer, buffer.encoder);
            writer.datumWriter().write(envelope, buffer.encoder);
            buffer.encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    /**
     * Decodes a record of {@code topic}, written with any registered version of the topic's schema. Exactly: a
     * schema id of another topic's record, or any byte left after the Avro datum, makes the record undecodable (and so
     * a dead letter), never half-read.
     *
     * @throws UndecodableMessageException when the bytes are not a record of this topic's schema
     */
    public <V extends SpecificRecordBase> V decode(Topic<String, V> topic, byte[] bytes) {
        if (bytes == null || bytes.length < 5 || bytes[0] != MAGIC) {
            throw new UndecodableMessageException("not in the registry wire format (magic byte 0 + 4-byte id)");
        }
        int id = ((bytes[1] & 0xff) << 24) | ((bytes[2] & 0xff) << 16) | ((bytes[3] & 0xff) << 8) | (bytes[4] & 0xff);
        DatumReader<V> reader = readerFor(topic, id);
        V value;
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null);
            value = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new UndecodableMessageException("bytes are left after the Avro record of schema " + id
                        + ": the record is not exactly one datum");
            }
        } catch (UndecodableMessageException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new UndecodableMessageException("cannot decode: " + e.getMessage(), e);
        }
        if (!topic.valueType().isInstance(value)) {
            throw new UndecodableMessageException(
                    "expected " + topic.valueType().getSimpleName() + " but got "
                            + (value == null ? "null" : value.getClass().getSimpleName()));
        }
        return value;
    }

    @Override
    public void close() {
        writers.clear();
        readers.clear();
    }

    private <V extends SpecificRecordBase> Writer<V> writerFor(Topic<String, V> topic) {
        Schema schema = topic.valueSchema();
        int id = registry.idOf(topic.valueSubject(), schema);
        return new Writer<>(id, new SpecificDatumWriter<>(schema, SpecificData.getForClass(topic.valueType())));
    }

    @SuppressWarnings("unchecked")
    private <V extends SpecificRecordBase> DatumReader<V> readerFor(Topic<String, V> topic, int id) {
        Map<Integer, DatumReader<?>> byId =
                readers.computeIfAbsent(topic.valueType(), type -> new ConcurrentHashMap<>());
        DatumReader<?> reader = byId.get(id);
        if (reader == null) {
            Schema readerSchema = topic.valueSchema();
            Schema writerSchema = writerSchema(id);
            if (writerSchema.getType() != Schema.Type.RECORD
                    || !writerSchema.getFullName().equals(readerSchema.getFullName())) {
                throw new UndecodableMessageException(
                        "expected " + topic.valueType().getSimpleName() + " but got a record of schema " + id + " ("
                                + writerSchema.getFullName() + ")");
            }
            try {
                reader = new SpecificDatumReader<V>(
                        writerSchema, readerSchema, SpecificData.getForClass(topic.valueType()));
            } catch (AvroRuntimeException e) {
                throw new UndecodableMessageException("schema " + id + " cannot be read as " + topic.name(), e);
            }
            byId.put(id, reader);
        }
        return (DatumReader<V>) reader;
    }

    private Schema writerSchema(int id) {
        Schema schema = writerSchemas.get(id);
        if (schema == null) {
            schema = registry.schemaById(id);
            if (schema == null) {
                throw new UndecodableMessageException("schema id " + id + " is not in the registry");
            }
            writerSchemas.put(id, schema);
        }
        return schema;
    }

    private record Writer<V>(int schemaId, DatumWriter<V> datumWriter) {}

    /** One per thread: the bytes of the message being encoded and the Avro encoder writing them. */
    private static final class Buffer extends ByteArrayOutputStream {
        BinaryEncoder encoder;

        Buffer() {
            super(512);
        }

        void writeInt(int value) {
            write(value >>> 24);
            write(value >>> 16);
            write(value >>> 8);
            write(value);
        }
    }
}
