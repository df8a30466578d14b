package org.travesia.ops.store;

import java.nio.ByteBuffer;
import java.util.List;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;

/**
 * The keys of a secondary index's map: one entry per document, its values for the index's keys followed by its
 * position (its {@code _id}), in the index's order: each key in its own direction ({@link IndexOrder}), the position
 * in the direction of the last key, so that an index on {@code {a: -1}} also gives {@code {a: -1, _id: -1}}. Two
 * entries the order cannot tell apart (irregular values) are ordered by their exact values ({@link KeyValueType}),
 * so a map key is still one document's one entry. On disk, an entry is written as {@link KeyValueType} writes keys.
 * <p>
 * {@link #lowest()} and {@link #highest()} are bounds for ranges, below or above every value at their place; they
 * are never stored.
 */
final class IndexEntryType extends BasicDataType<KeyValue> {

    private static final Object LOWEST = new Object();
    private static final Object HIGHEST = new Object();

    /** +1 or -1 for each of the index's keys. */
    private final int[] directions;

    IndexEntryType(List<IndexKey> keys) {
        this.directions = keys.stream().mapToInt(key -> key.isAscending() ? 1 : -1).toArray();
    }

    static Object lowest() {
        return LOWEST;
    }

    static Object highest() {
        return HIGHEST;
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        for (int i = 0; i < a.size(); i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            if (x == y) {
                continue;
            }
            if (x == LOWEST || y == HIGHEST) {
                return -1;
            }
            if (x == HIGHEST || y == LOWEST) {
                return 1;
            }
            int c = IndexOrder.compare(x, y);
            if (c != 0) {
                return directions[Math.min(i, directions.length - 1)] * c;
            }
        }
        return KeyValueType.INSTANCE.compare(a, b);
    }

    @Override
    public int getMemory(KeyValue entry) {
        return KeyValueType.INSTANCE.getMemory(entry);
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue entry) {
        KeyValueType.INSTANCE.write(buffer, entry);
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        return KeyValueType.INSTANCE.read(buffer);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
