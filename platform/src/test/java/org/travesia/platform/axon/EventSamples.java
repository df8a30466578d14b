package org.travesia.platform.axon;

import java.util.List;
import java.util.Map;

import org.travesia.kernel.alert.AlertFigures;
import org.travesia.kernel.alert.AlertRuleSet;
import org.travesia.kernel.alert.RouteAlertAcknowledged;
import org.travesia.kernel.alert.RouteAlertRaised;
import org.travesia.kernel.alert.RouteAlertResolved;
import org.travesia.kernel.incident.IncidentAmended;
import org.travesia.kernel.incident.IncidentFacts;
import org.travesia.kernel.incident.IncidentFreeTextRedacted;
import org.travesia.kernel.incident.IncidentMarkedAsDuplicate;
import org.travesia.kernel.incident.IncidentReported;
import org.travesia.kernel.incident.IncidentRetracted;
import org.travesia.kernel.incident.IncidentRouteDerived;
import org.travesia.kernel.incident.IncidentRouteOverridden;
import org.travesia.kernel.incident.MmpRecord;
import org.travesia.kernel.incident.MmpRecordImported;
import org.travesia.kernel.incident.IncidentVerified;
import org.travesia.kernel.incident.SharingChanged;
import org.travesia.kernel.incident.SourceAttached;
import org.travesia.kernel.missing.IncidentLinkedToCase;
import org.travesia.kernel.missing.IncidentUnlinkedFromCase;
import org.travesia.kernel.missing.MissingPersonCaseClosed;
import org.travesia.kernel.missing.MissingPersonCaseReopened;
import org.travesia.kernel.missing.MissingPersonFacts;
import org.travesia.kernel.missing.MissingPersonFoundAlive;
import org.travesia.kernel.missing.MissingPersonFoundDeceased;
import org.travesia.kernel.missing.MissingPersonReported;
import org.travesia.kernel.missing.PersonalDataErased;
import org.travesia.kernel.missing.SightingRecorded;
import org.travesia.kernel.route.Area;
import org.travesia.kernel.route.RouteDefined;
import org.travesia.kernel.route.RouteName;
import org.travesia.kernel.route.SegmentAdded;
import org.travesia.kernel.route.SegmentRedrawn;
import org.travesia.kernel.route.SegmentRetired;

/** One sample of every event type, with every field set, as its golden file holds it. */
final class EventSamples {

    static final String INCIDENT = "5f0c2a9e-3a1d-4d1c-8f7e-2c9a0b1d6e3f";

    static final IncidentFacts FACTS = new IncidentFacts("ACCIDENT", "DROWNING", "2026-11-20T14:00-05:00", "EXACT",
            "2026-11-21T10:15-05:00",
            new IncidentFacts.Place("PA", "Darién", "Pinogana", "Bajo Chiquito",
                    new IncidentFacts.Coordinates(8.0412, -77.6541), "KM_2"),
            "darien", "bajo-chiquito", new IncidentFacts.Affected(1, 2, 0, 11, 6, 8, 3, 1), List.of("VE", "HT"),
            "SMUGGLER", List.of("DROWNING"), new IncidentFacts.Source("DIRECT_TESTIMONY", 4, "interview 2026-11-21"),
            "Group of 14 crossing the river; two missing.",
            new IncidentFacts.Consent(true, List.of("PROTECTION", "ADVOCACY_AGGREGATED")));

    static final IncidentFacts MISSING_THREE = new IncidentFacts(null, null, null, null, null, null, null, null,
            new IncidentFacts.Affected(1, 3, 0, 11, 6, 8, 3, 1), null, null, null, null, null, null);

    /** Stored personal text is sealed: the golden files of later events show it as it is stored. */
    static final String REDACTION_REASON = "enc:v1:incident:5f0c2a9e-3a1d-4d1c-8f7e-2c9a0b1d6e3f#1:"
            + "sBqZPxn7ckm3w2p3NpI6qN6Ar2XSqEhECrbjx5Zxve5iXHqLAZUg-nZ1hqxYu-Uvvz36BheQIT9G86wVnow";

    static final String CASE = "8d2f4c1a-6b3e-4f0a-9c7d-2e5b1a3c4d6f";

    /** A missing person's sealed fields, as stored (never opened here: the golden files fix the stored shape). */
    private static final Map<String, String> SEALED = Map.ofEntries(
            Map.entry("fullName", "enc:v1:missing-person:8d2f4c1a-6b3e-4f0a-9c7d-2e5b1a3c4d6f#0:"
                    + "TqSkMNyEtie6-Lg49V57sIvA0Hr_5-S8I0rY4LkoviNOsEpE5CzFl-oPu0FUAA"),
            Map.entry("alias", "enc:v1:missing-person:8d2f4c1a-6b3e-4f0a-9c7d-2e5b1a3c4d6f#0:"
                    + "0L9H0BTYjAuRY9pbYHKocFIXtXM9Xz_PAeEJ0eSIQlS-giVRuXkrom4gHbFJQg"),
            Map.entry("ageRange", "enc:v1:missing-person:8d2f4c1a-6b3e-4f0a-9c7d-2e5b1a3c4d6f#0:"
                    + "AvD6iaRBSIO5vmw_t8YmypzH1gied-ywGD3pkMNGTsjJq-SVpqTFH26Ttxd1Gg"),
            Map.entry("yearOfBirth", "enc:v1:missing-person:8d2f4c1a-6b3e-4f0a-9c7d-2e5b1a3c4d6f#0:"
                    + "9gjRZ1C-4HRfpO51IwfZblSzXctMvqY7mqmoubr9beE1N-btIWEKPGwYGRSRRw"),
            Map.entry("language", "enc:v1:missing-person:8d2f4c1a-6b3e-4f0a-9c7d-2e5b1a3c4d6f#0:"
                    + "1Q1affs5w3GJ8KN8-KZTcKW7ggwdTq6wKyT-hvFi_GMIbbR7_g-LHdOvNfn4GA"),
            Map.entry("features", "enc:v1:missing-person:8d2f4c1a-6b3e-4f0a-9c7d-2e5b1a3c4d6f#0:"
                    + "2upPXC3T4nSWk1vN5Xn9bzLf9XCL5jEcQ56UtBSSU8S6M48MqIxe536_EMZsRw"),
            Map.entry("locality", "enc:v1:missing-person:8d2f4c1a-6b3e-4f0a-9c7d-2e5b1a3c4d6f#0:"
                    + "tqxDgwtDHRnu3Yy6uznWL-eaSed2PBLokREZokO2FI_IorEhIUZdWHxK33O5Jg"),
            Map.entry("coordinates", "enc:v1:missing-person:8d2f4c1a-6b3e-4f0a-9c7d-2e5b1a3c4d6f#0:"
                    + "JiriZGmp5yyWIoqJYO5HL3oJKDbJTV781BpM5InRrz_KZaGo5eBMWJoo3SJVfg"),
            Map.entry("contact", "enc:v1:missing-person:8d2f4c1a-6b3e-4f0a-9c7d-2e5b1a3c4d6f#0:"
                    + "N_jzZ9wzEpcjAwDgYSylswpMBjRa8n-16AECV8sCr2AmSMplsg3jjl94IdsBMA"),
            Map.entry("nameToken", "enc:v1:missing-person:8d2f4c1a-6b3e-4f0a-9c7d-2e5b1a3c4d6f#0:"
                    + "bnMY-j4PNDCxAjOOiYWcOCpgu_XnqcAk_YqdEazVBrD4XWH3wKds9tIU9yr2XA"),
            Map.entry("birthToken", "enc:v1:missing-person:8d2f4c1a-6b3e-4f0a-9c7d-2e5b1a3c4d6f#0:"
                    + "Sj-0b5N6Nb0M1bFSV-91s-2u8t-MpM-Wy7aYoDQ8QJEiw0VJoNed5DRVI8yNTw"),
            Map.entry("sightingLocality", "enc:v1:missing-person:8d2f4c1a-6b3e-4f0a-9c7d-2e5b1a3c4d6f#0:"
                    + "8fuu60zQT9Gu3s8BOTPB17fBF-iwb2c0yOaWoE1izOzbobycoDzaGvYGBuPY6Q"),
            Map.entry("sightingCoordinates", "enc:v1:missing-person:8d2f4c1a-6b3e-4f0a-9c7d-2e5b1a3c4d6f#0:"
                    + "X5bcwoLTPO2WCXyDKyaKZt_UUl5C--0ktYw2kQ2zBqb8bS_QIVrBtJz8ssWH2Q"),
            Map.entry("sightingNote", "enc:v1:missing-person:8d2f4c1a-6b3e-4f0a-9c7d-2e5b1a3c4d6f#0:"
                    + "eeRP8QFGVgqKd9C4_9W39c3fFzXyDRZ7LFJ0OKuZs2X_2V83-nPAev-49GX4Og"),
            Map.entry("linkReason", "enc:v1:missing-person:8d2f4c1a-6b3e-4f0a-9c7d-2e5b1a3c4d6f#0:"
                    + "ISQ5BojUCW_11DZwhAo77dM2IBw0ynS5-owOIhTYHnaqzPCJFvDtPrzWO5rC-g"),
            Map.entry("unlinkReason", "enc:v1:missing-person:8d2f4c1a-6b3e-4f0a-9c7d-2e5b1a3c4d6f#0:"
                    + "naR5C-fSoMuGCx4TvUQFYgqeFIktLacl7ExIA6nbIuu86aF6ms0IDOYShXGB0g"),
            Map.entry("foundAliveNote", "enc:v1:missing-person:8d2f4c1a-6b3e-4f0a-9c7d-2e5b1a3c4d6f#0:"
                    + "AN6B4MXuaWD-OJ2sgp3LzQT9Tl-lofYQ1PBqg6A6S0tfjvAUUeKow04ZmOi_hg"),
            Map.entry("foundDeceasedNote", "enc:v1:missing-person:8d2f4c1a-6b3e-4f0a-9c7d-2e5b1a3c4d6f#0:"
                    + "cYERKGxCPHF-MbdgHLPdL-HX1y4I6W_dWsxIQaVn2veuoILX9bcXg4sfxNbqNA"),
            Map.entry("closeReason", "enc:v1:missing-person:8d2f4c1a-6b3e-4f0a-9c7d-2e5b1a3c4d6f#0:"
                    + "XVVzS3-UKt-ypuFgnzWd9iA7_SUmrjFtiEvYl3iMPqKtigmqBGvvmSQrBltD6w"),
            Map.entry("reopenReason", "enc:v1:missing-person:8d2f4c1a-6b3e-4f0a-9c7d-2e5b1a3c4d6f#0:"
                    + "Kpy23yRsi90IikGUoJ8RwrQiUFHXYoOQragaHA_A_MHCZ4aLLsUfQiumb06Chw"));

    static final Area AREA = Area.of(List.of(List.of(List.of(List.of(-77.95, 7.4), List.of(-77.3, 7.4),
            List.of(-77.3, 8.8), List.of(-77.95, 8.8), List.of(-77.95, 7.4)))));

    /** Each sample by its event name. */
    static final Map<String, Object> BY_NAME = Map.ofEntries(
            Map.entry("incident.reported", new IncidentReported(INCIDENT, "org-a", "maria", "2b7f6a0e-4f7e", "9c1e0f",
                    FACTS, "NETWORK")),
            Map.entry("incident.amended", new IncidentAmended(INCIDENT, MISSING_THREE,
                    List.of("affected", "description"), "family confirmed a third person missing")),
            Map.entry("incident.source-attached", new SourceAttached(INCIDENT,
                    new IncidentFacts.Source("PARTNER_ORGANISATION", 4, "shelter log 112"))),
            Map.entry("incident.verified", new IncidentVerified(INCIDENT, "matches the shelter intake")),
            Map.entry("incident.marked-as-duplicate", new IncidentMarkedAsDuplicate(INCIDENT,
                    "0e8a1f7c-2d44-4b7b-9d2a-6c1e5f3a9b10", "same group, two monitors")),
            Map.entry("incident.retracted", new IncidentRetracted(INCIDENT, "reported in error")),
            Map.entry("incident.sharing-changed", new SharingChanged(INCIDENT, "NETWORK", "PUBLIC",
                    "consent for publication")),
            Map.entry("incident.route-derived", new IncidentRouteDerived(INCIDENT, "darien", "darien-jungle",
                    "POINT_IN_POLYGON", 1234L)),
            Map.entry("incident.route-overridden", new IncidentRouteOverridden(INCIDENT, "darien", "uraba",
                    "the monitor wrote the coordinates of the shelter, not of the crossing")),
            Map.entry("incident.mmp-record-imported", new MmpRecordImported(INCIDENT, new MmpRecord("2014.MMP00207",
                    List.of("2014.MMP00207", "2014.MMP00208"), "Central America", "Mexico", "US-Mexico border crossing",
                    "Vehicle accident / death linked to hazardous transport", "Milenio, El Universal",
                    "http://bit.ly/1qfIw00", "Central America", 3, "CC BY-IGO", "IOM Missing Migrants Project"),
                    "2026-05-10")),
            Map.entry("route.defined", new RouteDefined("darien", new RouteName("Darién Gap", "Tapón del Darién"),
                    List.of("CO", "PA"))),
            Map.entry("route.segment-added", new SegmentAdded("darien", "darien-jungle",
                    new RouteName("Jungle crossing", "Cruce de la selva"), AREA, List.of("Darién"), true)),
            Map.entry("route.segment-redrawn", new SegmentRedrawn("darien", "darien-jungle", AREA, List.of("Darién"),
                    false, "surveyed with the field team")),
            Map.entry("route.segment-retired", new SegmentRetired("darien", "darien-jungle", "route no longer used")),
            Map.entry("route.alert-rule-set", new AlertRuleSet("darien", "org-a", "k3", "THRESHOLD", null,
                    List.of("KIDNAPPING"), 3, null, 7, null, null)),
            Map.entry("route.alert-raised", new RouteAlertRaised("darien",
                    "darien.0b1d3f6e-5a7c-3e2f-9d8b-1c4a6e8f0b2d", "org-a", "k3", "darien-jungle", "2026-11-14",
                    "2026-11-20", new AlertFigures(3, 2, 3, null), List.of(INCIDENT,
                    "0e8a1f7c-2d44-4b7b-9d2a-6c1e5f3a9b10", "7c2e9a41-0b3d-4f5e-8a6b-2d1c0e9f8a7b"), 1240L)),
            Map.entry("route.alert-acknowledged", new RouteAlertAcknowledged("darien",
                    "darien.0b1d3f6e-5a7c-3e2f-9d8b-1c4a6e8f0b2d", "field team informed")),
            Map.entry("route.alert-resolved", new RouteAlertResolved("darien",
                    "darien.0b1d3f6e-5a7c-3e2f-9d8b-1c4a6e8f0b2d", "group found and assisted")),
            Map.entry("incident.free-text-redacted", new IncidentFreeTextRedacted(INCIDENT, REDACTION_REASON)),
            Map.entry("missing-person.reported", new MissingPersonReported(CASE, "org-a", "maria", "7c1d9e2a-case",
                    "b41f07", new MissingPersonFacts.Person(sealed("fullName"), List.of(sealed("alias")), "FEMALE",
                    new MissingPersonFacts.AgeBand(20, 24), sealed("ageRange"), sealed("yearOfBirth"), "VE",
                    List.of(sealed("language")), sealed("features")),
                    new MissingPersonFacts.LastSeen("2026-10-02", "DAY", new MissingPersonFacts.Place("PA", "Darién",
                            "Pinogana", sealed("locality"), sealed("coordinates"), "KM_2"), "darien", "bajo-chiquito"),
                    new MissingPersonFacts.Reporter("SIBLING", sealed("contact")),
                    new MissingPersonFacts.Consent(true, List.of("PROTECTION", "FAMILY_TRACING"), "REPORTER"),
                    "ORGANISATION", List.of(sealed("nameToken"), sealed("birthToken")))),
            Map.entry("missing-person.sighting-recorded", new SightingRecorded(CASE, "2026-10-09", "DAY",
                    new MissingPersonFacts.Place("PA", "Darién", null, sealed("sightingLocality"),
                            sealed("sightingCoordinates"), "KM_15"), "DIRECT_TESTIMONY", "MEDIUM",
                    sealed("sightingNote"))),
            Map.entry("missing-person.incident-linked", new IncidentLinkedToCase(CASE, INCIDENT,
                    sealed("linkReason"))),
            Map.entry("missing-person.incident-unlinked", new IncidentUnlinkedFromCase(CASE, INCIDENT,
                    sealed("unlinkReason"))),
            Map.entry("missing-person.found-alive", new MissingPersonFoundAlive(CASE, "2026-11-20",
                    sealed("foundAliveNote"))),
            Map.entry("missing-person.found-deceased", new MissingPersonFoundDeceased(CASE,
                    "0e8a1f7c-2d44-4b7b-9d2a-6c1e5f3a9b10", sealed("foundDeceasedNote"))),
            Map.entry("missing-person.case-closed", new MissingPersonCaseClosed(CASE, sealed("closeReason"))),
            Map.entry("missing-person.case-reopened", new MissingPersonCaseReopened(CASE, sealed("reopenReason"))),
            Map.entry("missing-person.personal-data-erased", new PersonalDataErased(CASE, "FAMILY_REQUEST")));

    private EventSamples() {
    }

    private static String sealed(String field) {
        return SEALED.get(field);
    }
}
