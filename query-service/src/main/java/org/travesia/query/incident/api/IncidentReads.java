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

    /**
     * The newest position a snapshot can be pinned at: the global position up to which every incident event has been
     * applied to the read model, with the read model's generation. Refused ({@code snapshot.read-model-rebuilding},
     * a conflict) while a replay has emptied the read model and its processor does not yet run from replay tokens:
     * its tokens then still say where it was before (or, if storing the replay tokens failed, will go on saying so).
     */
    SnapshotPin pin();

    /**
     * Each incident the reader may see that the selection matches, as it was at the pinned position ({@link #pin}):
     * incidents changed since are given as they were then, and those created since are not given. In the snapshot order: when it occurred, earliest first (unknown first), then by id. Streamed: the
     * caller holds one batch at a time, however many incidents match. What it leaves out only for lacking the
     * consent the selection requires is counted as it goes ({@link IncidentSnapshot#withheld}).
     */
    IncidentSnapshot snapshot(Actor reader, IncidentSelection selection, SnapshotPin pin);

    /**
     * Refuses ({@code snapshot.read-model-rebuilding}) once a replay has emptied the read model since {@code pin}, or
     * while a replay is rebuilding it: what was read may miss what it deleted, or what it has not applied again yet
     * (the history an as-of read goes through). A snapshot checks the first itself after every batch; a read held in
     * memory ({@link #asOf}) asks once it is done.
     */
    void ensureSettledSince(SnapshotPin pin);

    /**
     * Each incident as it was known at {@code asOf} (the state after the last event recorded by then), of those the
     * reader may see now whose state then was itself shared with the reader's organisation when it was recorded. An
     * incident whose state then was not is left out, as if it did not match.
     */
    List<IncidentState> asOf(Actor reader, IncidentSelection selection, Instant asOf);

    /**
     * How many incidents an {@link #asOf} read of the selection goes through, and holds the ids of: those the reader
     * may see now at the selection's sharing levels, whatever the search (which is matched on the states then).
     */
    long countAsOfCandidates(Actor reader, IncidentSelection selection);

    /** How many incidents {@link #asOf} leaves out only because they lack the consent, now or then. */
    long countWithoutConsentAsOf(Actor reader, IncidentSelection selection, Instant asOf);
}
