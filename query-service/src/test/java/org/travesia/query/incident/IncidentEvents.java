package org.travesia.query.incident;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.travesia.kernel.common.MetadataKeys;
import org.travesia.kernel.incident.IncidentAmended;
import org.travesia.kernel.incident.IncidentFacts;
import org.travesia.kernel.incident.IncidentReported;
import org.travesia.kernel.incident.IncidentVerified;
import org.travesia.kernel.incident.SharingChanged;
import org.travesia.kernel.incident.SourceAttached;

/**
 * Builds one incident's events as the store hands them to the projection: numbered in sequence, each with a global
 * position from a counter the test shares between incidents, and who acted. No free text: the projection copies it
 * sealed, and nothing here needs it.
 */
final class IncidentEvents {

    private final String id;
    private final AtomicLong positions;
    private long sequence;

    private IncidentEvents(String id, AtomicLong positions) {
        this.id = id;
        this.positions = positions;
    }

    static IncidentEvents of(String id, AtomicLong positions) {
        return new IncidentEvents(id, positions);
    }

    /** A kidnapping on the Darién route with two dead, shared with the network. */
    DomainEventMessage<?> reported() {
        return next(new IncidentReported(id, "org-a", "maria", "r-" + id, "fp-" + id, facts("KIDNAPPING", 2),
                "NETWORK"));
    }

    /** A correction of the number of dead, and of nothing else. */
    DomainEventMessage<?> amendedDeadTo(int dead) {
        return next(new IncidentAmended(id, facts(null, dead), List.of("affected"), null));
    }

    DomainEventMessage<?> sourceAttached() {
        return next(new SourceAttached(id, new IncidentFacts.Source("MEDIA", 2, null)));
    }

    DomainEventMessage<?> verified() {
        return next(new IncidentVerified(id, null));
    }

    DomainEventMessage<?> sharedPublicly() {
        return next(new SharingChanged(id, "NETWORK", "PUBLIC", null));
    }

    private DomainEventMessage<?> next(Object payload) {
        return new GenericDomainEventMessage<>("Incident", id, sequence++, payload,
                MetaData.with(MetadataKeys.USER, "ana").and(MetadataKeys.ORGANISATION, "org-a")
                        .and(MetadataKeys.GLOBAL_POSITION, positions.incrementAndGet()));
    }

    private static IncidentFacts facts(String type, int dead) {
        return new IncidentFacts(type, null, "2026-11-18", "DAY", null, new IncidentFacts.Place("PA", null, null, null,
                null, null), "darien", "jungle", new IncidentFacts.Affected(dead, null, null, null, null, null, null, null),
                null, null, null, null, null, null);
    }
}
