package org.travesia.query.incident;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.incident.IncidentFacts;

/**
 * Renders read-model documents in the public shape: the incident as posted, plus its curation state. The facts are
 * shown as they were recorded, without re-validation. Names of people (the reporting monitor, whoever verified) are
 * shown only to the reporting organisation: a partner needs the report, not who in the field made it.
 */
final class IncidentView {

    private IncidentView() {
    }

    static Map<String, Object> render(Document incident, Actor reader) {
        IncidentFacts facts = IncidentDocument.facts(incident);
        boolean ownOrganisation = reader.organisation().equals(incident.getString(IncidentDocument.ORGANISATION));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("incidentId", incident.getString(IncidentDocument.ID));
        view.put("version", incident.getLong(IncidentDocument.VERSION));
        view.put("status", incident.getString(IncidentDocument.STATUS));
        view.put("duplicateOf", incident.getString(IncidentDocument.DUPLICATE_OF));
        view.put("organisation", incident.getString(IncidentDocument.ORGANISATION));
        view.put("sharing", incident.getString(IncidentDocument.SHARING));
        view.put("recordedAt", instant(incident.getDate(IncidentDocument.RECORDED_AT)));
        view.put("updatedAt", instant(incident.getDate(IncidentDocument.UPDATED_AT)));
        view.put("reportedBy", ownOrganisation ? incident.getString(IncidentDocument.REPORTED_BY) : null);
        view.put("clientReportId", ownOrganisation ? incident.getString(IncidentDocument.CLIENT_REPORT_ID) : null);
        view.put("type", facts.type());
        view.put("accidentSubtype", facts.accidentSubtype());
        view.put("occurredAt", facts.occurredAt());
        view.put("occurredAtPrecision", facts.occurredAtPrecision());
        view.put("reportedAt", facts.reportedAt());
        view.put("place", facts.place());
        view.put("routeId", facts.routeId());
        view.put("segmentId", facts.segmentId());
        Document assignment = incident.get(IncidentDocument.ROUTE_ASSIGNMENT, Document.class);
        view.put("routeAssignment", assignment == null || assignment.getString("routeId") == null ? null : assignment);
        view.put("affected", facts.affected());
        view.put("nationalities", facts.nationalities());
        view.put("perpetrator", facts.perpetrator());
        view.put("causesOfDeath", facts.causesOfDeath());
        view.put("source", facts.source());
        view.put("sources", incident.getList(IncidentDocument.SOURCES, Document.class, List.of()));
        view.put("effectiveSourceQuality", IncidentDocument.effectiveQuality(incident));
        view.put("description", facts.description());
        view.put("consent", facts.consent());
        view.put("verification", curation(incident.get(IncidentDocument.VERIFICATION, Document.class), ownOrganisation));
        view.put("duplicate", curation(incident.get(IncidentDocument.DUPLICATE, Document.class), ownOrganisation));
        view.put("retraction", curation(incident.get(IncidentDocument.RETRACTION, Document.class), ownOrganisation));
        return view;
    }

    /**
     * One history entry: its order, event, when, who (the user only for the reporting organisation), and, if
     * {@code valuesShown}, why and what changed from what to what; otherwise the entry is changed, not shared, and
     * says only which fields changed. The global position goes only to admins of the reporting organisation.
     */
    static Map<String, Object> historyEntry(Document entry, Actor reader, boolean ownOrganisation,
                                            boolean valuesShown) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("position", HistoryPositions.shownTo(reader, ownOrganisation)
                ? entry.get(IncidentHistoryDocument.POSITION) : null);
        view.put("sequence", entry.get(IncidentHistoryDocument.SEQUENCE));
        view.put("event", entry.getString(IncidentHistoryDocument.EVENT));
        view.put("recordedAt", instant(entry.getDate(IncidentHistoryDocument.RECORDED_AT)));
        Document actor = entry.get(IncidentHistoryDocument.ACTOR, Document.class);
        Map<String, Object> who = new LinkedHashMap<>();
        who.put("user", ownOrganisation ? actor.getString(IncidentHistoryDocument.USER) : null);
        who.put("organisation", actor.getString(IncidentHistoryDocument.ORGANISATION));
        view.put("actor", who);
        view.put("shared", valuesShown);
        Document changes = entry.get(IncidentHistoryDocument.CHANGES, Document.class);
        view.put("changedFields", changes == null ? List.of() : List.copyOf(changes.keySet()));
        view.put("reason", valuesShown ? entry.getString(IncidentHistoryDocument.REASON) : null);
        view.put("note", valuesShown ? entry.getString(IncidentHistoryDocument.NOTE) : null);
        view.put("changes", valuesShown ? changes : null);
        view.put("correlationId", ownOrganisation ? entry.getString(IncidentHistoryDocument.CORRELATION_ID) : null);
        return view;
    }

    private static Map<String, Object> curation(Document curation, boolean ownOrganisation) {
        if (curation == null) {
            return null;
        }
        boolean noted = curation.containsKey(IncidentDocument.NOTE);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("by", ownOrganisation ? curation.getString(IncidentDocument.BY) : null);
        view.put("at", instant(curation.getDate(IncidentDocument.AT)));
        view.put(noted ? "note" : "reason",
                curation.getString(noted ? IncidentDocument.NOTE : IncidentDocument.REASON));
        return view;
    }

    private static String instant(Date date) {
        return date == null ? null : date.toInstant().toString();
    }
}
