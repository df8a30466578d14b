package org.travesia.ops.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/** Index keys: one total order in which only the very same values are equal, and a lossless round trip to disk. */
class KeyValueTypeTest {

    private static final KeyValueType TYPE = KeyValueType.INSTANCE;

    /** Pairwise different keys, of every kind an index can hold. */
    private static List<KeyValue> distinctKeys() {
        List<KeyValue> keys = new ArrayList<>();
        for (Object value : new Object[] {null, Missing.getInstance(), "a", "b", "", 1.0, 2.0, -0.5, 1L, 2L, 1, 2,
                true, false, Instant.ofEpochMilli(1), Instant.ofEpochMilli(2), new ObjectId(), new ObjectId(),
                UUID.randomUUID(), List.of(1.0, 2.0), List.of(2.0, 1.0), List.of(1.0),
                new Document("a", 1.0).append("b", 2.0), new Document("b", 2.0).append("a", 1.0),
                new Document("a", "x"), new Document("a", new Document("c", List.of("d")))}) {
            keys.add(new KeyValue(java.util.Collections.singletonList(value)));
        }
        keys.add(new KeyValue("incident-1#0", 3.0));
        keys.add(new KeyValue("incident-1#0", 4.0));
        return keys;
    }

    @Test
    void onlyTheVerySameValuesCompareEqual() {
        List<KeyValue> keys = distinctKeys();
        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                int ab = TYPE.compare(a, b);
                if (a == b) {
                    assertThat(ab).as("%s with itself", a).isZero();
                } else {
                    assertThat(ab).as("%s against %s", a, b).isNotZero();
                    assertThat(Integer.signum(TYPE.compare(b, a))).as("%s against %s, reversed", a, b)
                            .isEqualTo(-Integer.signum(ab));
                }
            }
        }
    }

    @Test
    void theOrderIsTransitive() {
        List<KeyValue> keys = distinctKeys();
        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                for (KeyValue c : keys) {
                    if (TYPE.compare(a, b) < 0 && TYPE.compare(b, c) < 0) {
                        assertThat(TYPE.compare(a, c)).as("%s < %s < %s", a, b, c).isNegative();
                    }
                }
            }
        }
    }

    @Test
    void aKeyReadBackFromDiskIsTheSameKey() {
        for (KeyValue key : distinctKeys()) {
            WriteBuffer buffer = new WriteBuffer();
            TYPE.write(buffer, key);
            ByteBuffer written = buffer.getBuffer();
            written.flip();
            KeyValue read = TYPE.read(written);
            assertThat(TYPE.compare(read, key)).as("%s read back as %s", key, read).isZero();
            assertThat(read).isEqualTo(key);
        }
    }

    @Test
    void valuesWrittenWithoutADetourAreWrittenAsBsonWritesThem() {
        for (Object value : new Object[] {null, "incident-1", 2.5, 7, 1L << 40, Instant.ofEpochMilli(1_700_000_000_123L)}) {
            WriteBuffer buffer = new WriteBuffer();
            TYPE.write(buffer, new KeyValue(java.util.Collections.singletonList(value)));
            ByteBuffer written = buffer.getBuffer();
            written.flip();
            byte[] bytes = new byte[written.remaining()];
            written.get(bytes);

            ByteBuf bson = Unpooled.buffer();
            byte type = BsonEncoder.determineType(value);
            bson.writeByte(type);
            BsonEncoder.encodeValue(type, value, bson);
            // One value in the key, then the value's length (under 128: one byte) and its type and BSON encoding.
            int length = bson.readableBytes();
            byte[] expected = new byte[2 + length];
            expected[0] = 1;
            expected[1] = (byte) length;
            bson.readBytes(expected, 2, length);
            assertThat(bytes).as(String.valueOf(value)).isEqualTo(expected);
        }
    }
}
