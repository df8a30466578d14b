package org.travesia.platform.eventstore;

import java.util.Optional;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.travesia.platform.mongo.StoreOutage;

/**
 * Axon's embedded event store, except when the store is away. Loading an aggregate reads its snapshot first; when
 * that fails, Axon logs it and reads the events instead, which waits for the store a second time. With the store
 * away that second wait cannot succeed and only doubles how long the client waits for its 503, so the outage is
 * reported at once. Any other snapshot failure (one that cannot be read, say) still falls back to the events.
 */
final class OutageAwareEventStore extends EmbeddedEventStore {

    OutageAwareEventStore(Builder builder) {
        super(builder);
    }

    @Override
    protected Optional<DomainEventMessage<?>> handleSnapshotReadingError(String aggregateIdentifier, Throwable e) {
        if (StoreOutage.causes(e)) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
        return super.handleSnapshotReadingError(aggregateIdentifier, e);
    }
}
