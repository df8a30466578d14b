package org.travesia.query.missing;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.travesia.kernel.EventCatalogue;
import org.travesia.kernel.common.GeoPoint;
import org.travesia.kernel.missing.AgeRange;
import org.travesia.kernel.missing.MissingPersonFacts;
import org.travesia.kernel.missing.MissingPersonFactsMapper;
import org.travesia.kernel.missing.SightingRecorded;
import org.travesia.platform.privacy.DataSubject;
import org.travesia.platform.privacy.PersonalFields;
import org.travesia.platform.privacy.SubjectOpener;
import org.travesia.platform.security.HistoryPositions;

/**
 * Renders cases in the public shape. {@link #withPersonalData} opens the sealed fields in memory, for the owning
 * organisation's monitors and analysts only; {@link #facts} is what everyone else the read scope lets in gets: the
 * non-identifying facts (status, when and in which country and on which route last seen, sex, age band, nationality)
 * and the organisation to contact. An erased case opens nothing: its personal fields are null.
 */
final class CaseView {

    private CaseView() {
    }

    static Map<String, Object> facts(Document state) {
        Map<String, Object> view = head(state);
        MissingPersonFacts.LastSeen lastSeen = lastSeen(state);
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("date", lastSeen == null ? null : lastSeen.date());
        seen.put("precision", lastSeen == null ? null : lastSeen.precision());
        Map<String, Object> place = new LinkedHashMap<>();
        place.put("country", lastSeen == null || lastSeen.place() == null ? null : lastSeen.place().country());
        seen.put("place", place);
        seen.put("routeId", lastSeen == null ? null : lastSeen.routeId());
        seen.put("segmentId", lastSeen == null ? null : lastSeen.segmentId());
        view.put("lastSeen", seen);
        MissingPersonFacts.Person person = person(state);
        Map<String, Object> who = new LinkedHashMap<>();
        who.put("sex", person == null ? null : person.sex());
        who.put("ageRange", person == null ? null : person.ageBand());
        who.put("nationality", person == null ? null : person.nationality());
        view.put("person", who);
        return view;
    }

    static Map<String, Object> withPersonalData(Document state, SubjectOpener opener,
                                                List<Map<String, Object>> possibleDuplicates) {
        DataSubject subject = DataSubject.missingPerson(state.getString(CaseDocument.ID));
        Map<String, Object> view = head(state);
        view.put("reportedBy", state.getString(CaseDocument.REPORTED_BY));
        view.put("clientReportId", state.getString(CaseDocument.CLIENT_REPORT_ID));
        MissingPersonFacts.Person person = opened(opener, subject, person(state));
        Map<String, Object> who = new LinkedHashMap<>();
        if (person != null) {
            AgeRange exact = MissingPersonFactsMapper.ageRange(person.ageRange());
            who.put("fullName", person.fullName());
            who.put("aliases", person.aliases());
            who.put("sex", person.sex());
            who.put("ageRange", exact != null ? exact : person.ageBand());
            who.put("ageBand", person.ageBand());
            who.put("yearOfBirth", person.yearOfBirth() == null ? null : Integer.valueOf(person.yearOfBirth()));
            who.put("nationality", person.nationality());
            who.put("languages", person.languages());
            who.put("distinguishingFeatures", person.distinguishingFeatures());
        }
        view.put("person", who);
        MissingPersonFacts.LastSeen lastSeen = opened(opener, subject, lastSeen(state));
        Map<String, Object> seen = new LinkedHashMap<>();
        if (lastSeen != null) {
            seen.put("date", lastSeen.date());
            seen.put("precision", lastSeen.precision());
            seen.put("place", place(lastSeen.place()));
            seen.put("routeId", lastSeen.routeId());
            seen.put("segmentId", lastSeen.segmentId());
        }
        view.put("lastSeen", seen);
        view.put("reporter", opened(opener, subject,
                CaseDocument.as(state.get(CaseDocument.REPORTER), MissingPersonFacts.Reporter.class)));
        view.put("consent", CaseDocument.as(state.get(CaseDocument.CONSENT), MissingPersonFacts.Consent.class));
        List<Map<String, Object>> sightings = new ArrayList<>();
        for (Document sighting : state.getList(CaseDocument.SIGHTINGS, Document.class, List.of())) {
            SightingRecorded seenAgain = opened(opener, subject, CaseDocument.as(sighting, SightingRecorded.class));
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("date", seenAgain.date());
            shown.put("precision", seenAgain.precision());
            shown.put("place", place(seenAgain.place()));
            shown.put("source", seenAgain.source());
            shown.put("confidence", seenAgain.confidence());
            shown.put("note", seenAgain.note());
            shown.put("recordedAt", instant(sighting.getDate(CaseDocument.AT)));
            shown.put("recordedBy", sighting.getString(CaseDocument.BY));
            sightings.add(shown);
        }
        view.put("sightings", sightings);
        view.put("incidentIds", state.getList(CaseDocument.INCIDENT_IDS, String.class, List.of()));
        view.put("foundAlive", curation(state.get(CaseDocument.FOUND_ALIVE, Document.class), opener, subject, "note"));
        view.put("foundDeceased", curation(state.get(CaseDocument.FOUND_DECEASED, Document.class), opener, subject,
                "note"));
        view.put("closure", curation(state.get(CaseDocument.CLOSURE, Document.class), opener, subject, "reason"));
        view.put("reopening", curation(state.get(CaseDocument.REOPENING, Document.class), opener, subject, "reason"));
        view.put("possibleDuplicates", possibleDuplicates);
        return view;
    }

    /**
     * One history entry: position (only when {@code showPosition}, see {@link HistoryPositions}), event, when, who (the
     * user only for the owning organisation), and its details.
     */
    static Map<String, Object> historyEntry(Document entry, boolean personal, boolean ownOrganisation,
                                            boolean showPosition, SubjectOpener opener) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("position", showPosition ? entry.get("position") : null);
        view.put("sequence", entry.get("sequence"));
        view.put("event", entry.getString("event"));
        view.put("recordedAt", instant(entry.getDate("recordedAt")));
        Document actor = entry.get("actor", Document.class);
        Map<String, Object> who = new LinkedHashMap<>();
        who.put("user", ownOrganisation ? actor.getString("user") : null);
        who.put("organisation", actor.getString("organisation"));
        view.put("actor", who);
        Record payload = (Record) CaseDocument.as(entry.get("payload"), eventClass(entry.getString("event")));
        DataSubject subject = DataSubject.missingPerson(entry.getString("caseId"));
        Document details = CaseDocument.of(personal ? opener.openRecord(subject, payload, "").value()
                : PersonalFields.blanked(payload));
        details.remove("caseId");
        details.remove("searchTokens");
        view.put("details", details);
        return view;
    }

    private static Map<String, Object> head(Document state) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("caseId", state.getString(CaseDocument.ID));
        view.put("version", state.getLong(CaseDocument.VERSION));
        view.put("organisation", state.getString(CaseDocument.ORGANISATION));
        view.put("sharing", state.getString(CaseDocument.SHARING));
        view.put("status", state.getString(CaseDocument.STATUS));
        view.put("erased", state.getBoolean(CaseDocument.ERASED, false));
        Document erasure = state.get(CaseDocument.ERASURE, Document.class);
        view.put("erasedAt", erasure == null ? null : instant(erasure.getDate(CaseDocument.AT)));
        view.put("recordedAt", instant(state.getDate(CaseDocument.RECORDED_AT)));
        view.put("updatedAt", instant(state.getDate(CaseDocument.UPDATED_AT)));
        return view;
    }

    private static Map<String, Object> place(MissingPersonFacts.Place place) {
        if (place == null) {
            return null;
        }
        GeoPoint point = MissingPersonFactsMapper.coordinates(place.coordinates());
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("country", place.country());
        shown.put("admin1", place.admin1());
        shown.put("admin2", place.admin2());
        shown.put("locality", place.locality());
        shown.put("coordinates", point == null ? null : Map.of("lat", point.lat(), "lon", point.lon()));
        shown.put("precision", place.precision());
        return shown;
    }

    private static Map<String, Object> curation(Document curation, SubjectOpener opener, DataSubject subject,
                                                String text) {
        if (curation == null) {
            return null;
        }
        Map<String, Object> view = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : curation.entrySet()) {
            if (field.getKey().equals(text)) {
                view.put(text, opener.text(subject, text, (String) field.getValue()));
            } else {
                view.put(field.getKey(), field.getValue() instanceof Date date ? instant(date) : field.getValue());
            }
        }
        return view;
    }

    static MissingPersonFacts.Person person(Document state) {
        return CaseDocument.as(state.get(CaseDocument.PERSON), MissingPersonFacts.Person.class);
    }

    static MissingPersonFacts.LastSeen lastSeen(Document state) {
        return CaseDocument.as(state.get(CaseDocument.LAST_SEEN), MissingPersonFacts.LastSeen.class);
    }

    private static <R extends Record> R opened(SubjectOpener opener, DataSubject subject, R record) {
        return record == null ? null : opener.openRecord(subject, record, "").value();
    }

    private static Class<?> eventClass(String simpleName) {
        return EventCatalogue.EVENTS.stream().filter(event -> event.getSimpleName().equals(simpleName)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No event named " + simpleName));
    }

    private static String instant(Date date) {
        return date == null ? null : date.toInstant().toString();
    }
}
