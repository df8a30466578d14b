package org.travesia.query.incident;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bson.Document;
import org.travesia.kernel.common.OccurredAt;
import org.travesia.kernel.incident.IncidentDetails;

/** Renders a read-model document in the public shape: the incident as posted, plus its curation state. */
final class IncidentView {

    private IncidentView() {
    }

    static Map<String, Object> render(Document incident, IncidentDetails details, Map<String, Object> detailMap) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("incidentId", incident.getString("_id"));
        view.put("version", incident.getLong("version"));
        view.put("status", incident.getString("status"));
        view.put("duplicateOf", incident.getString("duplicateOf"));
        view.put("organisation", incident.getString("organisation"));
        view.put("sharing", incident.getString("sharing"));
        view.put("recordedAt", instant(incident.getDate("recordedAt")));
        view.put("updatedAt", instant(incident.getDate("updatedAt")));
        view.put("clientReportId", incident.getString("clientReportId"));
        view.put("type", detailMap.get("type"));
        view.put("accidentSubtype", detailMap.get("accidentSubtype"));
        OccurredAt occurredAt = details.occurredAt();
        view.put("occurredAt", occurredAt.exact() != null ? occurredAt.exact().toString() : occurredAt.date().toString());
        view.put("occurredAtPrecision", occurredAt.precision().name());
        view.put("reportedAt", detailMap.get("reportedAt"));
        view.put("place", detailMap.get("place"));
        view.put("routeId", detailMap.get("routeId"));
        view.put("segmentId", detailMap.get("segmentId"));
        view.put("affected", detailMap.get("affected"));
        view.put("nationalities", detailMap.get("nationalities"));
        view.put("perpetrator", detailMap.get("perpetrator"));
        view.put("causesOfDeath", detailMap.get("causesOfDeath"));
        view.put("source", sourceView(detailMap.get("source")));
        view.put("effectiveSourceQuality", incident.get("effectiveQuality"));
        view.put("description", detailMap.get("description"));
        view.put("consent", detailMap.get("consent"));
        return view;
    }

    /** The kernel stores quality as a value object; the API shows the number, as it was posted. */
    @SuppressWarnings("unchecked")
    static Object sourceView(Object source) {
        if (!(source instanceof Map<?, ?> map)) {
            return source;
        }
        Map<String, Object> view = new LinkedHashMap<>((Map<String, Object>) map);
        if (view.get("quality") instanceof Map<?, ?> quality) {
            view.put("quality", quality.get("value"));
        }
        return view;
    }

    private static String instant(Date date) {
        return date == null ? null : date.toInstant().toString();
    }
}
