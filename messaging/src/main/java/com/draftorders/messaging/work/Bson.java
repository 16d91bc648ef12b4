package com.draftorders.messaging.work;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.bson.BsonBinary;
import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.BsonWriter;

/**
 * The small vocabulary the hand-written document codecs are made of: write a field only when it has a value, read
 * a document field by field with a {@code switch} on the name (unknown fields are skipped, so a document written by
 * a newer version, or by an operator, still reads). No reflection, no intermediate tree: the codecs write straight
 * into the driver's output buffer and read straight from its input.
 */
public final class Bson {

    private Bson() {}

    /** Reads the fields of one document: {@code field} is called with each name while the reader is at its value. */
    public static void readDocument(BsonReader reader, BiConsumer<String, BsonReader> field) {
        reader.readStartDocument();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            String name = reader.readName();
            if (reader.getCurrentBsonType() == BsonType.NULL) {
                reader.readNull();
                continue;
            }
            field.accept(name, reader);
        }
        reader.readEndDocument();
    }

    /** A list of values of one kind, each read by {@code element}. */
    public static <T> List<T> readList(BsonReader reader, Function<BsonReader, T> element) {
        List<T> list = new ArrayList<>();
        reader.readStartArray();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            if (reader.getCurrentBsonType() == BsonType.NULL) {
                reader.readNull();
                list.add(null);
            } else {
                list.add(element.apply(reader));
            }
        }
        reader.readEndArray();
        return list;
    }

    public static List<String> readStrings(BsonReader reader) {
        return readList(reader, BsonReader::readString);
    }

    public static List<Long> readLongs(BsonReader reader) {
        return readList(reader, Bson::readLong);
    }

    /** A 64-bit integer, also when it was stored as a 32-bit one or a double (a shell edit). */
    public static long readLong(BsonReader reader) {
        return switch (reader.getCurrentBsonType()) {
            case INT32 -> reader.readInt32();
            case DOUBLE -> (long) reader.readDouble();
            default -> reader.readInt64();
        };
    }

    public static int readInt(BsonReader reader) {
        return switch (reader.getCurrentBsonType()) {
            case INT64 -> Math.toIntExact(reader.readInt64());
            case DOUBLE -> (int) reader.readDouble();
            default -> reader.readInt32();
        };
    }

    public static Instant readInstant(BsonReader reader) {
        return Instant.ofEpochMilli(reader.readDateTime());
    }

    public static BigDecimal readDecimal(BsonReader reader) {
        return new BigDecimal(reader.readString());
    }

    public static byte[] readBytes(BsonReader reader) {
        return reader.readBinaryData().getData();
    }

    /** A string-to-string map in its order, stored as {@code [[key, value], ...]} (keys may hold any character). */
    public static Map<String, String> readStringMap(BsonReader reader) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        reader.readStartArray();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            reader.readStartArray();
            reader.readBsonType();
            String key = reader.readString();
            String value = null;
            if (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                value = reader.getCurrentBsonType() == BsonType.NULL ? readNull(reader) : reader.readString();
                reader.readBsonType();
            }
            reader.readEndArray();
            map.put(key, value);
        }
        reader.readEndArray();
        return Collections.unmodifiableMap(map);
    }

    private static String readNull(BsonReader reader) {
        reader.readNull();
        return null;
    }

    /** Writes fields; every method skips a null value, so absent and null read back the same. */
    public static Fields fields(BsonWriter writer) {
        return new Fields(writer);
    }

    /** A fluent writer of the fields of the document that is open on {@code writer}. */
    public static final class Fields {

        private final BsonWriter writer;

        private Fields(BsonWriter writer) {
            this.writer = writer;
        }

        public Fields string(String name, String value) {
            if (value != null) {
                writer.writeString(name, value);
            }
            return this;
        }

        public Fields int64(String name, long value) {
            writer.writeInt64(name, value);
            return this;
        }

        public Fields int64(String name, Long value) {
            if (value != null) {
                writer.writeInt64(name, value);
            }
            return this;
        }

        public Fields int32(String name, int value) {
            writer.writeInt32(name, value);
            return this;
        }

        public Fields bool(String name, boolean value) {
            writer.writeBoolean(name, value);
            return this;
        }

        /** Only when true: false is the absent value. */
        public Fields flag(String name, boolean value) {
            if (value) {
                writer.writeBoolean(name, true);
            }
            return this;
        }

        public Fields instant(String name, Instant value) {
            if (value != null) {
                writer.writeDateTime(name, value.toEpochMilli());
            }
            return this;
        }

        public Fields decimal(String name, BigDecimal value) {
            if (value != null) {
                writer.writeString(name, value.toPlainString());
            }
            return this;
        }

        public Fields bytes(String name, byte[] value) {
            if (value != null) {
                writer.writeBinaryData(name, new BsonBinary(value));
            }
            return this;
        }

        public <T> Fields document(String name, T value, BiConsumer<T, Fields> content) {
            if (value != null) {
                writer.writeStartDocument(name);
                content.accept(value, this);
                writer.writeEndDocument();
            }
            return this;
        }

        /** A list of sub-documents; an empty or null list is not written. */
        public <T> Fields documents(String name, List<T> values, BiConsumer<T, Fields> content) {
            if (values != null && !values.isEmpty()) {
                writer.writeStartArray(name);
                for (T value : values) {
                    writer.writeStartDocument();
                    content.accept(value, this);
                    writer.writeEndDocument();
                }
                writer.writeEndArray();
            }
            return this;
        }

        /** A list of strings; an empty or null list is not written. */
        public Fields strings(String name, List<String> values) {
            if (values != null && !values.isEmpty()) {
                writer.writeStartArray(name);
                for (String value : values) {
                    if (value == null) {
                        writer.writeNull();
                    } else {
                        writer.writeString(value);
                    }
                }
                writer.writeEndArray();
            }
            return this;
        }

        /** A list of longs (nulls kept); an empty or null list is not written. */
        public Fields longs(String name, List<Long> values) {
            if (values != null && !values.isEmpty()) {
                writer.writeStartArray(name);
                for (Long value : values) {
                    if (value == null) {
                        writer.writeNull();
                    } else {
                        writer.writeInt64(value);
                    }
                }
                writer.writeEndArray();
            }
            return this;
        }

        /** A string-to-string map as {@code [[key, value], ...]}: keys are data, never field names. */
        public Fields stringMap(String name, Map<String, String> values) {
            if (values != null && !values.isEmpty()) {
                writer.writeStartArray(name);
                values.forEach((key, value) -> {
                    writer.writeStartArray();
                    writer.writeString(key);
                    if (value == null) {
                        writer.writeNull();
                    } else {
                        writer.writeString(value);
                    }
                    writer.writeEndArray();
                });
                writer.writeEndArray();
            }
            return this;
        }

        /** The writer, for what this vocabulary does not cover. */
        public BsonWriter writer() {
            return writer;
        }
    }
}
