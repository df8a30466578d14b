package org.travesia.query.incident.api;

import java.util.Iterator;

/**
 * Incidents as they were at a pinned global position, in the snapshot order ({@link IncidentReads#snapshot}), read
 * from the read model a batch at a time as they are asked for. Close it when done, read to the end or not.
 */
public interface IncidentSnapshot extends Iterator<IncidentState>, AutoCloseable {

    @Override
    void close();
}
