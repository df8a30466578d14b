package org.travesia.query.incident;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

/** Totals over incidents: how many, and people affected by kind, with unknown kept apart from zero. */
final class IncidentCounts {

    static final List<String> KINDS = List.of("dead", "missing", "injured", "survivors", "female", "male", "children",
            "unaccompaniedChildren");

    private IncidentCounts() {
    }

    static Map<String, Object> over(Iterable<Document> incidents) {
        long count = 0;
        Map<String, Long> totals = new LinkedHashMap<>();
        Map<String, Long> unknown = new LinkedHashMap<>();
        KINDS.forEach(kind -> {
            totals.put(kind, 0L);
            unknown.put(kind, 0L);
        });
        for (Document incident : incidents) {
            count++;
            Document affected = incident.get("details", Document.class).get("affected", Document.class);
            for (String kind : KINDS) {
                Number value = affected == null ? null : (Number) affected.get(kind);
                if (value == null) {
                    unknown.merge(kind, 1L, Long::sum);
                } else {
                    totals.merge(kind, value.longValue(), Long::sum);
                }
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("incidents", count);
        answer.put("affected", totals);
        answer.put("unknown", unknown);
        return answer;
    }
}
