package org.travesia.command.incident;

import java.util.Optional;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.travesia.command.incident.api.IncidentLookup;
import org.travesia.command.incident.api.KnownIncident;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.RecordDelta;
import org.travesia.kernel.common.SharingLevel;
import org.travesia.kernel.incident.IncidentAmended;
import org.travesia.kernel.incident.IncidentFacts;
import org.travesia.kernel.incident.IncidentReported;
import org.travesia.kernel.incident.MmpRecord;
import org.travesia.kernel.incident.MmpRecordImported;
import org.travesia.kernel.incident.PartnerReadConsent;
import org.travesia.kernel.incident.SharingChanged;

/**
 * Answers whether another incident exists and may be seen by an actor, from its events: what marking a duplicate
 * needs to know about the incident that survives, and what a missing-person case needs of an incident it links to.
 */
@Component
class IncidentDirectory implements IncidentLookup {

    private final EventStore eventStore;

    IncidentDirectory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    boolean isVisible(String incidentId, Actor actor) {
        return find(incidentId, actor).isPresent();
    }

    @Override
    public Optional<KnownIncident> find(String incidentId, Actor actor) {
        DomainEventStream events = eventStore.readEvents(incidentId);
        String organisation = null;
        SharingLevel sharing = null;
        IncidentFacts facts = null;
        MmpRecord publicRecord = null;
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getPayload() instanceof IncidentReported reported) {
                organisation = reported.organisation();
                sharing = SharingLevel.recorded(reported.sharing());
                facts = reported.details();
            } else if (event.getPayload() instanceof IncidentAmended amended && facts != null) {
                facts = RecordDelta.apply(facts, amended.changes(), amended.changedFields());
            } else if (event.getPayload() instanceof SharingChanged changed) {
                sharing = SharingLevel.recorded(changed.to());
            } else if (event.getPayload() instanceof MmpRecordImported imported) {
                publicRecord = imported.record();
            }
        }
        if (organisation == null
                || !PartnerReadConsent.canSee(actor, organisation, sharing, facts.consent(), publicRecord)) {
            return Optional.empty();
        }
        return Optional.of(new KnownIncident(incidentId, organisation, facts.type(),
                facts.affected() == null ? null : facts.affected().dead()));
    }
}
