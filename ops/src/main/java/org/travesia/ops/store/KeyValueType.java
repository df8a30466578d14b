package org.travesia.ops.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.BsonConstants;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The keys of a unique index. {@link KeyValue} is not {@link Comparable}, so MVStore's generic object type compares
 * two keys by Java-serializing both, on every step of every index lookup. Here keys compare by their values: strings,
 * numbers, dates, ids and booleans directly, documents and arrays element by element, anything rarer by its BSON
 * bytes. Two keys are equal exactly when they hold the same values of the same types, in the same order, as under the
 * serialized comparison before (the index normalises numbers first, so 1 and 1.0 are one key either way). On disk a
 * key is its values, each as a BSON type byte and value.
 */
final class KeyValueType extends BasicDataType<KeyValue> {

    static final KeyValueType INSTANCE = new KeyValueType();

    /** Not a valid length: marks a value that is absent altogether (stored keys never hold one, being normalised). */
    private static final byte MISSING = 0;

    private KeyValueType() {
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = compareValues(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @SuppressWarnings("unchecked")
    private static int compareValues(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        int byKind = Integer.compare(kind(a), kind(b));
        if (byKind != 0 || a == null || a instanceof Missing) {
            return byKind;
        }
        if (a instanceof List<?> first) {
            return compareLists(first, (List<?>) b);
        }
        if (a instanceof Map<?, ?> first) {
            return compareDocuments((Map<String, ?>) first, (Map<String, ?>) b);
        }
        if (a.getClass() != b.getClass()) {
            return a.getClass().getName().compareTo(b.getClass().getName());
        }
        if (a instanceof String || a instanceof Double || a instanceof Long || a instanceof Integer
                || a instanceof Boolean || a instanceof Instant || a instanceof ObjectId) {
            return ((Comparable<Object>) a).compareTo(b);
        }
        return Arrays.compare(bson(a), bson(b));
    }

    /** Values of different kinds never compare equal, and always in the same order. */
    private static int kind(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Missing) {
            return 1;
        }
        if (value instanceof List<?>) {
            return 2;
        }
        if (value instanceof Map<?, ?>) {
            return 3;
        }
        return 4;
    }

    private static int compareLists(List<?> a, List<?> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = compareValues(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareDocuments(Map<String, ?> a, Map<String, ?> b) {
        Iterator<? extends Map.Entry<String, ?>> first = a.entrySet().iterator();
        Iterator<? extends Map.Entry<String, ?>> second = b.entrySet().iterator();
        while (first.hasNext() && second.hasNext()) {
            Map.Entry<String, ?> x = first.next();
            Map.Entry<String, ?> y = second.next();
            int c = x.getKey().compareTo(y.getKey());
            if (c == 0) {
                c = compareValues(x.getValue(), y.getValue());
            }
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(first.hasNext(), second.hasNext());
    }

    /** A value as its BSON type byte followed by its BSON encoding. */
    private static byte[] bson(Object value) {
        byte type = BsonEncoder.determineType(value);
        ByteBuf buffer = Unpooled.buffer();
        buffer.writeByte(type);
        BsonEncoder.encodeValue(type, value, buffer);
        byte[] bytes = new byte[buffer.readableBytes()];
        buffer.readBytes(bytes);
        return bytes;
    }

    @Override
    public int getMemory(KeyValue key) {
        return 48 + 32 * key.size();
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        buffer.putVarInt(key.size());
        for (Object value : key) {
            writeValue(buffer, value);
        }
    }

    /**
     * Numbers (a unique index normalises them to doubles), strings, dates and ids are most keys: those are written
     * without a detour through a buffer, byte for byte as {@link #bson} writes them. Secondary indexes keep values
     * as the documents hold them (integers, longs, dates), and write pages of them on every commit.
     */
    private static void writeValue(WriteBuffer buffer, Object value) {
        if (value instanceof Missing) {
            buffer.put(MISSING);
        } else if (value == null) {
            buffer.putVarInt(1).put(BsonConstants.TYPE_NULL);
        } else if (value instanceof Instant date) {
            buffer.putVarInt(1 + Long.BYTES).put(BsonConstants.TYPE_UTC_DATETIME)
                    .putLong(Long.reverseBytes(date.toEpochMilli()));
        } else if (value instanceof Integer number) {
            buffer.putVarInt(1 + Integer.BYTES).put(BsonConstants.TYPE_INT32).putInt(Integer.reverseBytes(number));
        } else if (value instanceof Long number) {
            buffer.putVarInt(1 + Long.BYTES).put(BsonConstants.TYPE_INT64).putLong(Long.reverseBytes(number));
        } else if (value instanceof Double number) {
            buffer.putVarInt(1 + Long.BYTES).put(BsonConstants.TYPE_DOUBLE)
                    .putLong(Long.reverseBytes(Double.doubleToRawLongBits(number)));
        } else if (value instanceof String text) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            buffer.putVarInt(1 + Integer.BYTES + utf8.length + 1).put(BsonConstants.TYPE_UTF8_STRING)
                    .putInt(Integer.reverseBytes(utf8.length + 1)).put(utf8).put((byte) 0);
        } else {
            byte[] bson = bson(value);
            buffer.putVarInt(bson.length).put(bson);
        }
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        int size = DataUtils.readVarInt(buffer);
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int length = DataUtils.readVarInt(buffer);
            if (length == MISSING) {
                values.add(Missing.getInstance());
            } else {
                byte[] bson = new byte[length];
                buffer.get(bson);
                ByteBuf value = Unpooled.wrappedBuffer(bson);
                values.add(BsonDecoder.decodeValue(value.readByte(), value));
            }
        }
        return new KeyValue(values);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
