package org.travesia.platform.axon;

import java.util.List;
import java.util.Map;

import org.travesia.kernel.incident.IncidentAmended;
import org.travesia.kernel.incident.IncidentFacts;
import org.travesia.kernel.incident.IncidentFreeTextRedacted;
import org.travesia.kernel.incident.IncidentMarkedAsDuplicate;
import org.travesia.kernel.incident.IncidentReported;
import org.travesia.kernel.incident.IncidentRetracted;
import org.travesia.kernel.incident.IncidentVerified;
import org.travesia.kernel.incident.SharingChanged;
import org.travesia.kernel.incident.SourceAttached;

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
            Map.entry("incident.free-text-redacted", new IncidentFreeTextRedacted(INCIDENT, REDACTION_REASON)));

    private EventSamples() {
    }
}
