package org.travesia.command.incident;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.SharingLevel;
import org.travesia.kernel.common.Visibility;
import org.travesia.kernel.incident.IncidentReported;
import org.travesia.kernel.incident.SharingChanged;

/**
 * Answers whether another incident exists and may be seen by an actor, from its events: what marking a duplicate
 * needs to know about the incident that survives.
 */
@Component
class IncidentDirectory {

    private final EventStore eventStore;

    IncidentDirectory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    boolean isVisible(String incidentId, Actor actor) {
        DomainEventStream events = eventStore.readEvents(incidentId);
        String organisation = null;
        SharingLevel sharing = null;
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getPayload() instanceof IncidentReported reported) {
                organisation = reported.organisation();
                sharing = SharingLevel.recorded(reported.sharing());
            } else if (event.getPayload() instanceof SharingChanged changed) {
                sharing = SharingLevel.recorded(changed.to());
            }
        }
        return organisation != null && Visibility.canSee(actor, organisation, sharing);
    }
}
