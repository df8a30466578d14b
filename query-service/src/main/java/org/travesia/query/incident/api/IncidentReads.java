package org.travesia.query.incident.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.travesia.kernel.common.Actor;

/**
 * What the incident feature publishes to the rest of query-service: incidents as the read model knows them, always
 * within what the reader may see. Other features use incidents through this package only; the read model's
 * documents, collections and queries stay private to the feature.
 */
public interface IncidentReads {

    /** The current state of one incident, if the reader may see it. */
    Optional<IncidentState> find(Actor reader, String incidentId);

    /** The current state of each incident the reader may see that the selection matches. */
    List<IncidentState> current(Actor reader, IncidentSelection selection);

    /**
     * Each incident as it was known at {@code asOf} (the state after the last event recorded by then). Who may read
     * an incident is decided by what it is now; whether it matches, and what it said, by its state then.
     */
    List<IncidentState> asOf(Actor reader, IncidentSelection selection, Instant asOf);
}
