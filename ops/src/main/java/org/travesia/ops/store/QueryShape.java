package org.travesia.ops.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * What of a query an index can serve: its plain equalities (a field and a single regular value, at the top level or
 * in a top-level {@code $and}, as {@code {f: v}} or {@code {f: {$eq: v}}}), and its sort. Every match of the query
 * holds those values, or (where the field holds an array) an array holding them; the query may ask more (scope,
 * ranges, {@code $or}), which the matcher checks.
 */
record QueryShape(Map<String, Object> equalities, LinkedHashMap<String, Integer> sort) {

    /** 2^53: below it, every integer is a double exactly. */
    private static final double EXACT_IN_A_DOUBLE = 9_007_199_254_740_992.0;

    /** Null when the sort is not one an index walk can give ({@code $natural}, text scores, ...). */
    static QueryShape of(Document query, Document orderBy) {
        Map<String, Object> equalities = new LinkedHashMap<>();
        collectEqualities(query, equalities);
        LinkedHashMap<String, Integer> sort = new LinkedHashMap<>();
        if (orderBy != null) {
            for (Map.Entry<String, Object> key : orderBy.entrySet()) {
                if (key.getKey().startsWith("$") || !(key.getValue() instanceof Number direction)) {
                    return null;
                }
                sort.put(key.getKey(), direction.intValue() > 0 ? 1 : -1);
            }
        }
        return new QueryShape(equalities, sort);
    }

    private static void collectEqualities(Document query, Map<String, Object> into) {
        if (query == null) {
            return;
        }
        for (Map.Entry<String, Object> condition : query.entrySet()) {
            String field = condition.getKey();
            Object value = condition.getValue();
            if (field.equals("$and") && value instanceof List<?> all) {
                for (Object each : all) {
                    if (each instanceof Document part) {
                        collectEqualities(part, into);
                    }
                }
            } else if (!field.startsWith("$")) {
                if (value instanceof Document operator && operator.size() == 1 && operator.containsKey("$eq")) {
                    value = operator.get("$eq");
                }
                if (isPlain(value)) {
                    // Two different values for one field match nothing; the matcher sees to that.
                    into.putIfAbsent(field, value);
                }
            }
        }
    }

    /**
     * Values the matcher finds equal only to values the index order also holds equal. Not numbers of 2^53 or more:
     * the matcher takes a long for the double nearest to it ({@code Long.MAX_VALUE} equals 2^63 there), while the
     * index orders numbers by their exact values.
     */
    private static boolean isPlain(Object value) {
        return value instanceof String || value instanceof Integer || value instanceof Boolean
                || value instanceof Instant || value instanceof ObjectId
                || (value instanceof Long number && Math.abs((double) number) < EXACT_IN_A_DOUBLE)
                || (value instanceof Double number && Math.abs(number) < EXACT_IN_A_DOUBLE);
    }
}
