package org.travesia.query.incident;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.bson.Document;
import org.travesia.kernel.incident.IncidentFacts.Affected;

/** Totals over incidents: how many, and people affected by kind, with unknown kept apart from zero. */
final class IncidentCounts {

    private static final Map<String, Function<Affected, Integer>> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("dead", Affected::dead);
        KINDS.put("missing", Affected::missing);
        KINDS.put("injured", Affected::injured);
        KINDS.put("survivors", Affected::survivors);
        KINDS.put("female", Affected::female);
        KINDS.put("male", Affected::male);
        KINDS.put("children", Affected::children);
        KINDS.put("unaccompaniedChildren", Affected::unaccompaniedChildren);
    }

    private IncidentCounts() {
    }

    /** Over incident documents that hold at least their {@code details.affected}. */
    static Map<String, Object> over(Iterable<Document> incidents) {
        long count = 0;
        Map<String, Long> totals = new LinkedHashMap<>();
        Map<String, Long> unknown = new LinkedHashMap<>();
        KINDS.keySet().forEach(kind -> {
            totals.put(kind, 0L);
            unknown.put(kind, 0L);
        });
        for (Document incident : incidents) {
            count++;
            Affected affected = IncidentDocument.facts(incident).affected();
            KINDS.forEach((kind, value) -> {
                Integer known = affected == null ? null : value.apply(affected);
                if (known == null) {
                    unknown.merge(kind, 1L, Long::sum);
                } else {
                    totals.merge(kind, known.longValue(), Long::sum);
                }
            });
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("incidents", count);
        answer.put("affected", totals);
        answer.put("unknown", unknown);
        return answer;
    }
}
