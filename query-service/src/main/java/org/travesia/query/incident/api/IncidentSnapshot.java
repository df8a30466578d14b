package org.travesia.query.incident.api;

import java.util.Iterator;

/**
 * Incidents as they were at a pinned global position, in the snapshot order ({@link IncidentReads#snapshot}), read
 * from the read model a batch at a time as they are asked for. Close it when done, read to the end or not.
 */
public interface IncidentSnapshot extends Iterator<IncidentState>, AutoCloseable {

    /**
     * How many incidents the snapshot has left out so far only because they lack the consent the selection requires
     * (at the pin, or now for one changed since): counted as the rows are read, in the same pass, so it is the whole
     * count once the snapshot has been read to the end. Of what the reader may see only: another organisation's report
     * without the consent its reach needs is not there for the reader at all, and not counted.
     */
    long withheld();

    @Override
    void close();

    /** States already held in memory, in the order given, with {@code withheld} counted already. */
    static IncidentSnapshot of(Iterator<IncidentState> states, long withheld) {
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
            public long withheld() {
                return withheld;
            }

            @Override
            public void close() {
                // Held in memory: nothing to release.
            }
        };
    }
}
