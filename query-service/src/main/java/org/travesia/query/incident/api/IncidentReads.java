package org.travesia.query.incident.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.travesia.kernel.common.Actor;

/**
 * What the incident feature publishes to the rest of query-service: incidents as the read model knows them, always
 * within what the reader may see. Other features use incidents through this package only; the read model's
 * documents, collections and queries stay private to the feature.
 * <p>
 * Incidents without the consent a selection requires are left out inside the query; the two counts say how many,
 * so that what a caller is told was withheld agrees with what it was given.
 */
public interface IncidentReads {

    /** The current state of one incident, if the reader may see it. */
    Optional<IncidentState> find(Actor reader, String incidentId);

    /** The current state of each incident the reader may see that the selection matches. */
    List<IncidentState> current(Actor reader, IncidentSelection selection);

    /**
     * Each incident as it was known at {@code asOf} (the state after the last event recorded by then), of those the
     * reader may see now whose state then was itself shared with the reader's organisation when it was recorded. An
     * incident whose state then was not is left out, as if it did not match.
     */
    List<IncidentState> asOf(Actor reader, IncidentSelection selection, Instant asOf);

    /** How many incidents {@link #current} leaves out only because they lack the consent the selection requires. */
    long countWithoutConsent(Actor reader, IncidentSelection selection);

    /** How many incidents {@link #asOf} leaves out only because they lack the consent, now or then. */
    long countWithoutConsentAsOf(Actor reader, IncidentSelection selection, Instant asOf);
}
