package org.travesia.eventstore;

import org.axonframework.eventsourcing.eventstore.EventStoreException;

/**
 * A stored event whose type the serializer does not know: a name this build has no class for, or a revision no
 * upcaster brings to the current one. Reading stops at it instead of passing it over, because a processor that
 * skipped it would lose a report without a trace.
 */
public class UnknownEventTypeException extends EventStoreException {

    public UnknownEventTypeException(String where, String type, String revision) {
        super("The event " + where + " has type '" + type + "' revision " + revision
                + ", which this application cannot read; reading stops here rather than skip it");
    }
}
