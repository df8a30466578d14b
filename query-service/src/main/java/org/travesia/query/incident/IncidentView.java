package org.travesia.query.incident;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.incident.IncidentFacts;
import org.travesia.platform.privacy.DataSubject;
import org.travesia.platform.privacy.Opened;
import org.travesia.platform.privacy.SubjectOpener;
import org.travesia.platform.privacy.SubjectOpener.OpenedRecord;
import org.travesia.platform.security.HistoryPositions;

/**
 * Renders read-model documents in the public shape: the incident as posted, plus its curation state. The facts are
 * shown as they were recorded, without re-validation. Names of people (the reporting monitor, whoever verified) are
 * shown only to the reporting organisation: a partner needs the report, not who in the field made it.
 * <p>
 * The read model holds the free text sealed; it is opened here, in memory, for a reader the query already allowed.
 * Text whose key was shredded (a redaction) is shown as null, and {@code redacted} lists where.
 */
final class IncidentView {

    private IncidentView() {
    }

    static Map<String, Object> render(Document incident, Actor reader, SubjectOpener opener) {
        DataSubject subject = DataSubject.incident(incident.getString(IncidentDocument.ID));
        OpenedRecord<IncidentFacts> opened = opener.openRecord(subject, IncidentDocument.facts(incident), "");
        IncidentFacts facts = opened.value();
        List<String> redacted = new ArrayList<>(opened.shredded());
        List<IncidentFacts.Source> sources = new ArrayList<>();
        for (Document source : incident.getList(IncidentDocument.SOURCES, Document.class, List.of())) {
            OpenedRecord<IncidentFacts.Source> openedSource = opener.openRecord(subject,
                    IncidentDocument.sourceFacts(source), "sources[" + sources.size() + "].");
            sources.add(openedSource.value());
            redacted.addAll(openedSource.shredded());
        }
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
        view.put("sources", sources);
        view.put("effectiveSourceQuality", IncidentDocument.effectiveQuality(incident));
        view.put("description", facts.description());
        view.put("consent", facts.consent());
        view.put("licence", IncidentDocument.licence(incident));
        view.put("mmp", incident.get(IncidentDocument.MMP, Document.class));
        view.put("verification", curation(incident.get(IncidentDocument.VERIFICATION, Document.class), ownOrganisation,
                opener, subject, "verification", redacted));
        view.put("duplicate", curation(incident.get(IncidentDocument.DUPLICATE, Document.class), ownOrganisation,
                opener, subject, "duplicate", redacted));
        view.put("retraction", curation(incident.get(IncidentDocument.RETRACTION, Document.class), ownOrganisation,
                opener, subject, "retraction", redacted));
        view.put("redacted", redacted);
        return view;
    }

    /**
     * One history entry: its order, event, when, who (the user only for the reporting organisation), and, if
     * {@code valuesShown}, why and what changed from what to what, its free text opened with {@code opener} (a
     * shredded text is null and listed in {@code redacted}); otherwise the entry is changed, not shared, and says only
     * which fields changed: nothing is opened for it. The global position goes only to admins of the reporting
     * organisation.
     */
    static Map<String, Object> historyEntry(Document entry, Actor reader, boolean ownOrganisation,
                                            boolean valuesShown, SubjectOpener opener) {
        DataSubject subject = DataSubject.incident(entry.getString(IncidentHistoryDocument.INCIDENT_ID));
        List<String> redacted = new ArrayList<>();
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
        view.put("reason", valuesShown
                ? text(opener, subject, "reason", entry.getString(IncidentHistoryDocument.REASON), redacted) : null);
        view.put("note", valuesShown
                ? text(opener, subject, "note", entry.getString(IncidentHistoryDocument.NOTE), redacted) : null);
        view.put("changes", valuesShown ? changes(changes, opener, subject, redacted) : null);
        view.put("correlationId", ownOrganisation ? entry.getString(IncidentHistoryDocument.CORRELATION_ID) : null);
        view.put("redacted", redacted);
        return view;
    }

    /** A history entry's changes, each value opened as the field it belongs to (facts, or an added source). */
    private static Document changes(Document changes, SubjectOpener opener, DataSubject subject,
                                    List<String> redacted) {
        if (changes == null) {
            return null;
        }
        Document opened = new Document();
        for (Map.Entry<String, Object> change : changes.entrySet()) {
            Document values = (Document) change.getValue();
            Document shown = new Document();
            for (Map.Entry<String, Object> value : values.entrySet()) {
                String path = "changes." + change.getKey() + "." + value.getKey();
                shown.append(value.getKey(), IncidentDocument.SOURCES.equals(change.getKey())
                        ? openSource((Document) value.getValue(), opener, subject, path, redacted)
                        : openFact(change.getKey(), value.getValue(), opener, subject, path, redacted));
            }
            opened.append(change.getKey(), shown);
        }
        return opened;
    }

    private static Object openFact(String field, Object value, SubjectOpener opener, DataSubject subject, String path,
                                   List<String> redacted) {
        if (value == null || !IncidentDocument.isFact(field)) {
            return value;
        }
        OpenedRecord<IncidentFacts> facts = opener.openRecord(subject,
                IncidentDocument.factsFrom(new Document(field, value)), "");
        facts.shredded().forEach(shredded -> redacted.add(path + shredded.substring(field.length())));
        return IncidentDocument.details(facts.value()).get(field);
    }

    private static Object openSource(Document source, SubjectOpener opener, DataSubject subject, String path,
                                     List<String> redacted) {
        if (source == null) {
            return null;
        }
        OpenedRecord<IncidentFacts.Source> opened = opener.openRecord(subject, IncidentDocument.sourceFacts(source),
                path + ".");
        redacted.addAll(opened.shredded());
        return IncidentDocument.source(opened.value());
    }

    private static Map<String, Object> curation(Document curation, boolean ownOrganisation, SubjectOpener opener,
                                                DataSubject subject, String path, List<String> redacted) {
        if (curation == null) {
            return null;
        }
        boolean noted = curation.containsKey(IncidentDocument.NOTE);
        String field = noted ? IncidentDocument.NOTE : IncidentDocument.REASON;
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("by", ownOrganisation ? curation.getString(IncidentDocument.BY) : null);
        view.put("at", instant(curation.getDate(IncidentDocument.AT)));
        view.put(field, text(opener, subject, field, curation.getString(field), redacted, path + "." + field));
        return view;
    }

    private static String text(SubjectOpener opener, DataSubject subject, String field, String value,
                               List<String> redacted) {
        return text(opener, subject, field, value, redacted, field);
    }

    private static String text(SubjectOpener opener, DataSubject subject, String field, String value,
                               List<String> redacted, String path) {
        Opened opened = opener.open(subject, field, value);
        if (opened.shredded()) {
            redacted.add(path);
        }
        return opened.text();
    }

    private static String instant(Date date) {
        return date == null ? null : date.toInstant().toString();
    }
}
