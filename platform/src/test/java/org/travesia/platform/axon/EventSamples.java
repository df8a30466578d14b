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
import org.travesia.kernel.incident.IncidentMarkedAsDuplicate;
import org.travesia.kernel.incident.IncidentReported;
import org.travesia.kernel.incident.IncidentRetracted;
import org.travesia.kernel.incident.IncidentRouteDerived;
import org.travesia.kernel.incident.IncidentRouteOverridden;
import org.travesia.kernel.incident.IncidentVerified;
import org.travesia.kernel.incident.SharingChanged;
import org.travesia.kernel.incident.SourceAttached;
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

    /** Each sample by its event name. */
    static final Area AREA = Area.of(List.of(List.of(List.of(List.of(-77.95, 7.4), List.of(-77.3, 7.4),
            List.of(-77.3, 8.8), List.of(-77.95, 8.8), List.of(-77.95, 7.4)))));

    static final Map<String, Object> BY_NAME = Map.ofEntries(Map.entry(
            "incident.reported", new IncidentReported(INCIDENT, "org-a", "maria", "2b7f6a0e-4f7e", "9c1e0f",
                    FACTS, "NETWORK")),
            Map.entry("incident.amended", new IncidentAmended(INCIDENT, MISSING_THREE, List.of("affected", "description"),
                    "family confirmed a third person missing")),
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
                    "darien.0b1d3f6e-5a7c-3e2f-9d8b-1c4a6e8f0b2d", "group found and assisted")));

    private EventSamples() {
    }
}
