package org.travesia.ops.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * How a secondary index orders the values it holds: as mongo-java-server's sort ({@code ValueComparator}) orders
 * them, for the values an ordered walk or a key range may rely on ("regular" ones): missing and null (equal, first),
 * numbers of any type by their exact value, strings, ObjectIds, booleans, dates and timestamps, ranked by type as
 * MongoDB ranks them.
 * <p>
 * Everything else (arrays, documents, decimals, NaN, binary, ...) is "irregular": the sort's order on those is not
 * one an index can keep (an array sorts by its smallest element, an equality on an array matches any element; its
 * comparator is not even transitive on some mixes of numbers), so an index holding one is not used at all
 * ({@link SecondaryIndex#isUsable()}). Irregular values still need a consistent place in the map: they sort after
 * all regular ones, one class per type, their order within a class left to the entry's exact bytes.
 */
final class IndexOrder {

    private static final int IRREGULAR = 100;

    private IndexOrder() {
    }

    static boolean isRegular(Object value) {
        return value == null || value instanceof Missing || value instanceof String || value instanceof Integer
                || value instanceof Long || (value instanceof Double number && !number.isNaN())
                || value instanceof Boolean || value instanceof Instant || value instanceof ObjectId
                || value instanceof BsonTimestamp;
    }

    /** A total preorder; 0 for values the sort treats as equal (and for irregular values of one type). */
    static int compare(Object a, Object b) {
        int byRank = Integer.compare(rank(a), rank(b));
        if (byRank != 0 || !isRegular(a)) {
            return byRank;
        }
        if (a == null || a instanceof Missing) {
            return 0;
        }
        if (a instanceof Number first) {
            return compareNumbers(first, (Number) b);
        }
        if (a instanceof String first) {
            return first.compareTo((String) b);
        }
        if (a instanceof Boolean first) {
            return first.compareTo((Boolean) b);
        }
        if (a instanceof Instant first) {
            return first.compareTo((Instant) b);
        }
        if (a instanceof ObjectId first) {
            return first.compareTo((ObjectId) b);
        }
        return ((BsonTimestamp) a).compareTo((BsonTimestamp) b);
    }

    /** MongoDB's order of types (bson-type-comparison-order), as mongo-java-server ranks them. */
    private static int rank(Object value) {
        int rank = typeRank(value);
        return isRegular(value) ? rank : IRREGULAR + rank;
    }

    private static int typeRank(Object value) {
        if (value == null || value instanceof Missing) {
            return 0;
        }
        if (value instanceof Number) {
            return 1;
        }
        if (value instanceof String) {
            return 2;
        }
        if (value instanceof Map<?, ?>) {
            return 3;
        }
        if (value instanceof Collection<?>) {
            return 4;
        }
        if (value instanceof ObjectId) {
            return 8;
        }
        if (value instanceof Boolean) {
            return 9;
        }
        if (value instanceof Instant) {
            return 10;
        }
        if (value instanceof BsonTimestamp) {
            return 11;
        }
        return 12;
    }

    /** Integers, longs and doubles (never NaN here) by their exact values; -0.0 equals 0. */
    private static int compareNumbers(Number a, Number b) {
        boolean aIsDouble = a instanceof Double;
        boolean bIsDouble = b instanceof Double;
        if (!aIsDouble && !bIsDouble) {
            return Long.compare(a.longValue(), b.longValue());
        }
        if (aIsDouble && bIsDouble) {
            double x = a.doubleValue();
            double y = b.doubleValue();
            return x == y ? 0 : Double.compare(x, y);
        }
        return exact(a).compareTo(exact(b));
    }

    private static BigDecimal exact(Number number) {
        if (number instanceof Double d) {
            if (d.isInfinite()) {
                // Beyond every long: a stand-in two orders of magnitude past Long's range keeps the sign's order.
                return BigDecimal.valueOf(d > 0 ? 1 : -1).scaleByPowerOfTen(40);
            }
            return new BigDecimal(d);
        }
        return BigDecimal.valueOf(number.longValue());
    }
}
