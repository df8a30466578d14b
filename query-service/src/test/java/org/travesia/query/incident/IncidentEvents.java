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
import org.travesia.kernel.incident.MmpRecord;
import org.travesia.kernel.incident.MmpRecordImported;
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

    /** A death reported by an MMP import: its source is MMP's. */
    DomainEventMessage<?> reportedFromMmp() {
        IncidentFacts facts = new IncidentFacts("DEATH", null, "2014-12-31", "DAY", null, new IncidentFacts.Place("US",
                null, null, null, null, null), null, null, new IncidentFacts.Affected(1, null, null, null, null, null,
                null, null), null, null, null, new IncidentFacts.Source("MMP", 3, null), null, null);
        return next(new IncidentReported(id, "org-a", "ana", "mmp:" + id, "fp-" + id, facts, "PUBLIC"));
    }

    /** MMP's record of it, as an import records it right after the report, in the same commit. */
    DomainEventMessage<?> mmpRecordImported() {
        return next(new MmpRecordImported(id, new MmpRecord("2014.MMP00207", List.of("2014.MMP00207", "2014.MMP00208"),
                "Central America", "Mexico", "US-Mexico border crossing", "Drowning", "Milenio",
                "http://bit.ly/1qfIw00", "Central America", 3, "CC BY-IGO", "IOM Missing Migrants Project"),
                "2026-05-10"));
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
