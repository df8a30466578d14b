package org.travesia.query.risk;

import java.util.List;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.travesia.kernel.common.MetadataKeys;
import org.travesia.kernel.incident.IncidentAmended;
import org.travesia.kernel.incident.IncidentFacts;
import org.travesia.kernel.incident.IncidentReported;
import org.travesia.kernel.missing.MissingPersonFacts;
import org.travesia.kernel.missing.MissingPersonReported;
import org.travesia.platform.testing.RunningService;

/**
 * Builds the events the risk projection reads, with only the facts it uses: a route, a segment, a day, an owner and
 * a sharing level. Everything personal is left out, as the projection never reads it.
 */
final class RiskEvents {

    static final String ROUTE = "darien";

    private final String id;
    private String organisation = "org-a";
    private String sharing = "NETWORK";
    private String day = "2026-11-18";
    private String route = ROUTE;
    private String segment = "jungle";
    private String type = "KIDNAPPING";
    private IncidentFacts.Consent consent;

    private RiskEvents(String id) {
        this.id = id;
    }

    static RiskEvents about(String id) {
        return new RiskEvents(id);
    }

    /** Appends a report, the first event of its incident, to a running service's store, as a monitor of org-a. */
    static void publish(RunningService service, IncidentReported event) {
        service.bean(EventStore.class).publish(new GenericDomainEventMessage<>("Incident", event.incidentId(), 0, event,
                MetaData.with(MetadataKeys.USER, "monitor").and(MetadataKeys.ORGANISATION, "org-a")));
    }

    RiskEvents of(String owningOrganisation) {
        this.organisation = owningOrganisation;
        return this;
    }

    RiskEvents sharedWith(String level) {
        this.sharing = level;
        return this;
    }

    RiskEvents on(String isoDay) {
        this.day = isoDay;
        return this;
    }

    RiskEvents inSegment(String segmentId) {
        this.segment = segmentId;
        return this;
    }

    RiskEvents ofType(String incidentType) {
        this.type = incidentType;
        return this;
    }

    /** With the consent that lets a partner organisation read it ({@code PROTECTION}). */
    RiskEvents withPartnerConsent() {
        this.consent = new IncidentFacts.Consent(true, List.of("PROTECTION"));
        return this;
    }

    RiskEvents offRoute() {
        this.route = null;
        this.segment = null;
        return this;
    }

    /** An incident (a kidnapping unless {@link #ofType} says otherwise) with two dead. */
    IncidentReported incidentReported() {
        return new IncidentReported(id, organisation, "monitor", null, null, facts(type, day), sharing);
    }

    /** An amendment moving the incident to another day. */
    IncidentAmended movedTo(String newDay) {
        return new IncidentAmended(id, facts(null, newDay), List.of("occurredAt"), null);
    }

    /** An amendment moving the incident to another segment of its route. */
    IncidentAmended movedToSegment(String segmentId) {
        return new IncidentAmended(id, new IncidentFacts(null, null, null, null, null, null, null, segmentId, null,
                null, null, null, null, null, null), List.of("segmentId"), null);
    }

    /** An amendment of the incident's type, and of nothing else. */
    IncidentAmended typeChangedTo(String newType) {
        return new IncidentAmended(id, facts(newType, null), List.of("type"), null);
    }

    /** An amendment of the number of dead, and of nothing else. */
    IncidentAmended deadChangedTo(int dead) {
        return affectedChangedTo(dead, null, null);
    }

    /** The people affected, amended: null where not known. */
    IncidentAmended affectedChangedTo(Integer dead, Integer missing, Integer injured) {
        return new IncidentAmended(id, new IncidentFacts(null, null, null, null, null, null, null, null,
                new IncidentFacts.Affected(dead, missing, injured, null, null, null, null, null), null, null, null, null,
                null, null), List.of("affected"), null);
    }

    MissingPersonReported caseReported() {
        return new MissingPersonReported(id, organisation, "monitor", null, null, null,
                new MissingPersonFacts.LastSeen(day, "DAY", null, route, segment), null, null, sharing, List.of());
    }

    private IncidentFacts facts(String type, String occurredAt) {
        return new IncidentFacts(type, null, occurredAt, "DAY", null, null, route, segment,
                new IncidentFacts.Affected(2, null, null, null, null, null, null, null),
                null, null, null, null, null, consent);
    }
}
