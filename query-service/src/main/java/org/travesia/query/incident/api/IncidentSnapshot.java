package org.travesia.query.incident.api;

import java.util.Iterator;

/**
 * Incidents as they were at a pinned global position, in the snapshot order ({@link IncidentReads#snapshot}), read
 * from the read model a batch at a time as they are asked for. Close it when done, read to the end or not.
 */
public interface IncidentSnapshot extends Iterator<IncidentState>, AutoCloseable {

    @Override
    void close();

    /** States already held in memory, in the order given: nothing to release on close. */
    static IncidentSnapshot of(Iterator<IncidentState> states) {
        return new IncidentSnapshot() {
            @Override
            public boolean hasNext() {
                return states.hasNext();
            }

            @Override
            public IncidentState next() {
                return states.next();
            }

            @Override
            public void close() {
                // Held in memory: nothing to release.
            }
        };
    }
}
