package org.travesia.query.incident;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.travesia.kernel.incident.IncidentFacts;

/**
 * Totals over incidents: how many, and people affected by kind, with unknown kept apart from zero. Counts are summed
 * as recorded, negative corrections included.
 */
final class IncidentCounts {

    /** The kinds of count, as the facts name them. */
    private static final List<String> KINDS = Arrays.stream(IncidentFacts.Affected.class.getRecordComponents())
            .map(RecordComponent::getName).toList();

    private IncidentCounts() {
    }

    /** Over incident documents that hold at least their {@code details.affected}. */
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
            // Read straight from the document: a count over many incidents should not map each one.
            Document affected = incident.get(IncidentDocument.DETAILS, Document.class)
                    .get(IncidentDocument.AFFECTED_IN_DETAILS, Document.class);
            for (String kind : KINDS) {
                Number value = affected == null ? null : affected.get(kind, Number.class);
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
