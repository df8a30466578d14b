package org.travesia.query.incident;

/** Where the incident projection and the store stand, in global positions: what a snapshot is pinned by. */
interface AppliedPositions {

    /** The highest position up to which every event has been applied to the incident read model. */
    long appliedUpTo();

    /** The highest position the store has handed out: no event is at a position above it. */
    long allocatedUpTo();

    /** The highest position that holds an event: what a projection that has caught up has applied. */
    long eventHead();

    /** Whether any segment of the incident projection runs from a replay token: a replay is rebuilding it. */
    boolean replaying();
}
