package org.travesia.query.incident;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.OccurredAt;
import org.travesia.kernel.incident.IncidentDetails;

/**
 * Renders read-model documents in the public shape: the incident as posted, plus its curation state. Names of
 * people (the reporting monitor, whoever verified) are shown only to the reporting organisation: a partner needs the
 * report, not who in the field made it.
 */
final class IncidentView {

    private IncidentView() {
    }

    static Map<String, Object> render(Document incident, IncidentReadModel readModel, Actor reader) {
        IncidentDetails details = readModel.details(incident);
        Map<String, Object> detailMap = readModel.toMap(details);
        boolean ownOrganisation = reader.organisation().equals(incident.getString("organisation"));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("incidentId", incident.getString("_id"));
        view.put("version", incident.getLong("version"));
        view.put("status", incident.getString("status"));
        view.put("duplicateOf", incident.getString("duplicateOf"));
        view.put("organisation", incident.getString("organisation"));
        view.put("sharing", incident.getString("sharing"));
        view.put("recordedAt", instant(incident.getDate("recordedAt")));
        view.put("updatedAt", instant(incident.getDate("updatedAt")));
        view.put("reportedBy", ownOrganisation ? incident.getString("reportedBy") : null);
        view.put("clientReportId", ownOrganisation ? incident.getString("clientReportId") : null);
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
        view.put("source", detailMap.get("source"));
        view.put("sources", incident.getList("sources", Document.class, List.of()));
        view.put("effectiveSourceQuality", incident.get("effectiveQuality"));
        view.put("description", detailMap.get("description"));
        view.put("consent", detailMap.get("consent"));
        view.put("verification", curation(incident.get("verification", Document.class), ownOrganisation));
        view.put("duplicate", curation(incident.get("duplicate", Document.class), ownOrganisation));
        view.put("retraction", curation(incident.get("retraction", Document.class), ownOrganisation));
        return view;
    }

    /** One history entry: position, event, when, who (the user only for the reporting organisation), why, what. */
    static Map<String, Object> historyEntry(Document entry, boolean ownOrganisation) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("position", entry.get("position"));
        view.put("sequence", entry.get("sequence"));
        view.put("event", entry.getString("event"));
        view.put("recordedAt", instant(entry.getDate("recordedAt")));
        Document actor = entry.get("actor", Document.class);
        Map<String, Object> who = new LinkedHashMap<>();
        who.put("user", ownOrganisation ? actor.getString("user") : null);
        who.put("organisation", actor.getString("organisation"));
        view.put("actor", who);
        view.put("reason", entry.getString("reason"));
        view.put("note", entry.getString("note"));
        view.put("changes", entry.get("changes"));
        view.put("correlationId", ownOrganisation ? entry.getString("correlationId") : null);
        return view;
    }

    private static Map<String, Object> curation(Document curation, boolean ownOrganisation) {
        if (curation == null) {
            return null;
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("by", ownOrganisation ? curation.getString("by") : null);
        view.put("at", instant(curation.getDate("at")));
        view.put(curation.containsKey("note") ? "note" : "reason",
                curation.containsKey("note") ? curation.getString("note") : curation.getString("reason"));
        return view;
    }

    private static String instant(Date date) {
        return date == null ? null : date.toInstant().toString();
    }
}
