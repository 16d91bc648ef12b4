package com.draftorders.cart.support;

import com.draftorders.messaging.MessageCodec;
import com.draftorders.schemas.Topic;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * The wire format without a registry: magic byte 0, a fake schema id 0, Avro binary. Lets tests build and read
 * outbox messages without a running registry (the registry serdes are configured but never called).
 */
public final class PlainAvroCodec extends MessageCodec {

    private static final int HEADER = 5;

    public PlainAvroCodec() {
        super("http://127.0.0.1:1/apis/registry/v2");
    }

    @Override
    public <V extends SpecificRecordBase> byte[] encode(Topic<String, V> topic, V envelope) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(new byte[HEADER]);
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new SpecificDatumWriter<V>(topic.valueType()).write(envelope, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public <V extends SpecificRecordBase> V decode(Topic<String, V> topic, byte[] bytes) {
        try {
            BinaryDecoder decoder =
                    DecoderFactory.get().binaryDecoder(Arrays.copyOfRange(bytes, HEADER, bytes.length), null);
            return new SpecificDatumReader<V>(topic.valueType()).read(null, decoder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
