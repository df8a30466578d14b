package org.travesia.ops.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * An index walk gives the sort's order only if the index orders values as mongo-java-server's sort does: for every
 * pair of the values an index may be used with, both must say the same, and the values an index cannot order
 * (arrays, documents, NaN) must be the ones it calls irregular.
 */
class IndexOrderTest {

    private final Random random = new Random(5);

    @Test
    void regularValuesAreOrderedAsTheSortOrdersThem() {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            values.add(regularValue());
        }
        for (Object a : values) {
            for (Object b : values) {
                assertThat(Integer.signum(IndexOrder.compare(a, b))).as(a + " vs " + b)
                        .isEqualTo(Integer.signum(ValueComparator.asc().compare(a, b)));
            }
        }
    }

    @Test
    void arraysDocumentsAndNaNAreIrregularAndSortAfterEveryRegularValue() {
        for (Object irregular : List.of(List.of("a"), new Document("a", 1), Double.NaN)) {
            assertThat(IndexOrder.isRegular(irregular)).as(irregular.toString()).isFalse();
            assertThat(IndexOrder.compare(irregular, "zzz")).isPositive();
            assertThat(IndexOrder.compare(Missing.getInstance(), irregular)).isNegative();
        }
    }

    /** Small numbers of three types (so ties across types are common), strings, dates, ids, booleans, null. */
    private Object regularValue() {
        int n = random.nextInt(7) - 3;
        return switch (random.nextInt(10)) {
            case 0 -> n;
            case 1 -> (long) n;
            case 2 -> n / 2.0;
            case 3 -> n == 0 ? -0.0 : (long) n << 40;
            case 4 -> "s" + (char) ('a' + n + 3);
            case 5 -> Instant.ofEpochSecond(n);
            case 6 -> random.nextBoolean();
            case 7 -> new ObjectId();
            case 8 -> null;
            default -> Missing.getInstance();
        };
    }
}
