package org.travesia.eventstore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedSet;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;


import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.UnknownSerializedType;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;

/**
 * Axon event storage on MongoDB with a global order that readers can trust. See {@link EventStoreCollections} for
 * the layout, {@link TrackingReader} for how streaming processors read, and {@link GapFence} for why no event is ever
 * skipped. {@code docs/event-store.md} explains the decisions.
 */
public class MongoEventStorageEngine extends AbstractEventStorageEngine {

    /** The metadata key under which every appended event carries its global position. */
    public static final String GLOBAL_POSITION = "globalPosition";

    private static final Logger log = LoggerFactory.getLogger(MongoEventStorageEngine.class);
    private static final int MAX_APPEND_ATTEMPTS = 10;
    private static final int HEAD_WINDOW = 1_000;
    private static final int TOKEN_AT_PROBE = 64;
    private static final int LAG_PROBES = 16;
    private static final int EVENT_HEAD_PROBES = 16;

    private final EventStoreCollections collections;
    private final PositionAllocator allocator;
    private final GapFence fence;
    private final AllocationListener allocationListener;
    private final int batchSize;
    private final int aggregateBatchSize;

    protected MongoEventStorageEngine(Builder builder) {
        super(builder);
        this.collections = builder.collections;
        this.allocator = new PositionAllocator(collections);
        this.fence = new GapFence(collections, builder.gapTimeout, System::nanoTime);
        this.allocationListener = builder.allocationListener;
        this.batchSize = builder.batchSize;
        this.aggregateBatchSize = builder.aggregateBatchSize;
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- appending ----------------------------------------------------------------------------------------------

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        List<SerializedObject<String>> payloads = events.stream()
                .map(e -> e.serializePayload(serializer, String.class)).toList();
        for (int attempt = 1; attempt <= MAX_APPEND_ATTEMPTS; attempt++) {
            long first = allocator.allocate(events.size());
            allocationListener.allocated(first, events.size());
            List<StoredEvent> stored = toStoredEvents(events, payloads, first, serializer);
            try {
                collections.events().insertOne(Commit.events(first, stored, new Date()));
                return;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw new EventStoreException("Could not append " + events.size() + " events", e);
                }
                EventMessage<?> conflicting = firstConflict(events, stored);
                if (conflicting != null) {
                    abandon(first, events.size());
                    handlePersistenceException(e, conflicting);
                }
                // No aggregate key was taken, so our positions were fenced: this commit was too slow. Nothing of
                // it is visible, so it is safe to take fresh positions and insert again.
                log.warn("Commit at position {} was fenced (attempt {}); re-allocating: {}", first, attempt, e.getError().getMessage());
            } catch (MongoException e) {
                throw new EventStoreException("Could not append " + events.size() + " events", e);
            }
        }
        throw new EventStoreException("Could not append events: positions fenced " + MAX_APPEND_ATTEMPTS + " times");
    }

    private List<StoredEvent> toStoredEvents(List<? extends EventMessage<?>> events,
                                             List<SerializedObject<String>> payloads, long first,
                                             Serializer serializer) {
        List<StoredEvent> stored = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            EventMessage<?> event = events.get(i);
            long position = first + i;
            MetaData metaData = event.getMetaData().and(GLOBAL_POSITION, position);
            String metaDataJson = serializer.serialize(metaData, String.class).getData();
            SerializedObject<String> payload = payloads.get(i);
            String aggregateType = null;
            String aggregateId = null;
            Long sequence = null;
            if (event instanceof DomainEventMessage<?> domainEvent && domainEvent.getAggregateIdentifier() != null) {
                aggregateType = domainEvent.getType();
                aggregateId = domainEvent.getAggregateIdentifier();
                sequence = domainEvent.getSequenceNumber();
            }
            stored.add(new StoredEvent(position, event.getIdentifier(), event.getTimestamp().toString(),
                    payload.getType().getName(), payload.getType().getRevision(), payload.getData(), metaDataJson,
                    aggregateType, aggregateId, sequence));
        }
        return stored;
    }

    /**
     * Fences off the positions of a commit that lost a conflict, at once: they will never be written, and leaving
     * them to the readers' gap timeout would only make every reader wait and ask for them again.
     */
    private void abandon(long first, int count) {
        try {
            collections.events().insertOne(Commit.tombstone(first, count, new Date()));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // A reader fenced some of them already; it will fence the rest.
        }
    }

    /**
     * Which of these aggregates have any event: one query on the aggregate keys of their first events, where reading
     * each one's stream would take one or two per aggregate. For a batch that creates most of what it touches (an
     * import), so that only the aggregates that exist are loaded. An aggregate created after the answer is still
     * safe: creating it again is refused
     * ({@link org.axonframework.modelling.command.AggregateStreamCreationException}).
     */
    public Set<String> aggregatesWithEvents(Collection<String> aggregateIds) {
        Map<String, String> firstKeys = new HashMap<>();
        aggregateIds.forEach(id -> firstKeys.put(StoredEvent.aggregateKey(id, 0), id));
        Set<String> found = new HashSet<>();
        for (Document commit : collections.events().find(Filters.in(EventStoreCollections.AGGREGATE_KEYS,
                        firstKeys.keySet())).projection(Projections.include(EventStoreCollections.AGGREGATE_KEYS))) {
            for (String key : commit.getList(EventStoreCollections.AGGREGATE_KEYS, String.class)) {
                String id = firstKeys.get(key);
                if (id != null) {
                    found.add(id);
                }
            }
        }
        return found;
    }

    /** The first event whose aggregate key is already taken, or null if the duplicate was on positions. */
    private EventMessage<?> firstConflict(List<? extends EventMessage<?>> events, List<StoredEvent> stored) {
        List<String> keys = stored.stream().filter(StoredEvent::isDomainEvent).map(StoredEvent::aggregateKey).toList();
        if (keys.isEmpty()) {
            return null;
        }
        Document existing = collections.events().find(Filters.in(EventStoreCollections.AGGREGATE_KEYS, keys)).first();
        if (existing == null) {
            return null;
        }
        List<String> taken = existing.getList(EventStoreCollections.AGGREGATE_KEYS, String.class);
        for (int i = 0; i < stored.size(); i++) {
            if (stored.get(i).isDomainEvent() && taken.contains(stored.get(i).aggregateKey())) {
                return events.get(i);
            }
        }
        return events.get(0);
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        SerializedObject<String> payload = snapshot.serializePayload(serializer, String.class);
        String metaData = serializer.serialize(snapshot.getMetaData(), String.class).getData();
        StoredEvent stored = new StoredEvent(0, snapshot.getIdentifier(), snapshot.getTimestamp().toString(),
                payload.getType().getName(), payload.getType().getRevision(), payload.getData(), metaData,
                snapshot.getType(), snapshot.getAggregateIdentifier(), snapshot.getSequenceNumber());
        Document document = stored.toDocument().append("_id", snapshot.getAggregateIdentifier());
        collections.snapshots().replaceOne(Filters.eq("_id", snapshot.getAggregateIdentifier()), document,
                new ReplaceOptions().upsert(true));
    }

    // ---- reading: every event a known type, or a loud stop ---------------------------------------------------------

    /**
     * An aggregate's events, after upcasting. An event whose type the event serializer does not know stops the read
     * ({@link UnknownEventTypeException}), so an aggregate is never rebuilt without one of its events.
     */
    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        DomainEventStream events = super.readEvents(aggregateIdentifier, firstSequenceNumber);
        return DomainEventStream.of(events.asStream().map(MongoEventStorageEngine::requireKnownType),
                events::getLastSequenceNumber);
    }

    /**
     * Events after a token, after upcasting. An event of a type the serializer does not know stops the stream at its
     * position: Axon's processors would otherwise skip a payload they cannot read, silently.
     */
    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return super.readEvents(trackingToken, mayBlock).map(MongoEventStorageEngine::requireKnownType);
    }

    private static <M extends EventMessage<?>> M requireKnownType(M event) {
        if (!UnknownSerializedType.class.equals(event.getPayloadType())) {
            return event;
        }
        SerializedType type = ((UnknownSerializedType) event.getPayload()).serializedType();
        throw new UnknownEventTypeException(describe(event), type.getName(), type.getRevision());
    }

    private static String describe(EventMessage<?> event) {
        String where = "at position " + event.getMetaData().get(GLOBAL_POSITION);
        if (event instanceof DomainEventMessage<?> domainEvent && domainEvent.getAggregateIdentifier() != null) {
            where += " (aggregate " + domainEvent.getAggregateIdentifier() + ", sequence "
                    + domainEvent.getSequenceNumber() + ")";
        }
        return where;
    }

    // ---- reading one aggregate -------------------------------------------------------------------------------------

    @Override
    protected Stream<? extends DomainEventData<?>> readEventData(String aggregateIdentifier, long firstSequenceNumber) {
        Iterator<DomainEventData<?>> events = new AggregateReader(aggregateIdentifier, firstSequenceNumber);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(events, Spliterator.ORDERED), false);
    }

    /** Loads an aggregate's events by asking for its next sequence numbers by key, a batch at a time. */
    private final class AggregateReader implements Iterator<DomainEventData<?>> {

        private final String aggregateId;
        private long nextSequence;
        private List<StoredEvent> batch = List.of();
        private int cursor;
        private boolean exhausted;
        private int wanted = 16;

        AggregateReader(String aggregateId, long firstSequence) {
            this.aggregateId = aggregateId;
            this.nextSequence = firstSequence;
        }

        @Override
        public boolean hasNext() {
            if (cursor < batch.size()) {
                return true;
            }
            if (exhausted) {
                return false;
            }
            List<String> keys = new ArrayList<>(wanted);
            for (long s = nextSequence; s < nextSequence + wanted; s++) {
                keys.add(StoredEvent.aggregateKey(aggregateId, s));
            }
            List<StoredEvent> found = new ArrayList<>();
            for (Commit commit : Commit.distinct(collections.events()
                    .find(Filters.in(EventStoreCollections.AGGREGATE_KEYS, keys)))) {
                commit.events().stream()
                        .filter(e -> aggregateId.equals(e.aggregateId()) && e.sequenceNumber() >= nextSequence)
                        .forEach(found::add);
            }
            found.sort((a, b) -> Long.compare(a.sequenceNumber(), b.sequenceNumber()));
            for (int i = 0; i < found.size(); i++) {
                if (found.get(i).sequenceNumber() != nextSequence + i) {
                    throw new EventStoreException("Aggregate " + aggregateId + " misses sequence " + (nextSequence + i));
                }
            }
            exhausted = found.size() < wanted;
            nextSequence += found.size();
            batch = found;
            cursor = 0;
            wanted = aggregateBatchSize;
            return !batch.isEmpty();
        }

        @Override
        public DomainEventData<?> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return batch.get(cursor++).asDomainEventData();
        }
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Document snapshot = collections.snapshots().find(Filters.eq("_id", aggregateIdentifier)).first();
        return snapshot == null ? Stream.empty() : Stream.of(StoredEvent.fromDocument(snapshot).asDomainEventData());
    }

    // ---- tracking ----------------------------------------------------------------------------------------------------

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        TrackingReader reader = new TrackingReader(collections, fence, batchSize, allocator::highestAllocated,
                gapAware(trackingToken));
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(reader, Spliterator.ORDERED), false);
    }

    private static GapAwareTrackingToken gapAware(TrackingToken token) {
        TrackingToken unwrapped = token instanceof WrappedToken wrapped ? WrappedToken.unwrapLowerBound(wrapped) : token;
        if (unwrapped == null) {
            return GapAwareTrackingToken.newInstance(0, List.of());
        }
        if (unwrapped instanceof GapAwareTrackingToken gapAware) {
            return gapAware;
        }
        throw new IllegalArgumentException("Unsupported token type: " + unwrapped.getClass().getName());
    }

    @Override
    public TrackingToken createTailToken() {
        return null;
    }

    /**
     * The position after everything visible now. Positions allocated but not visible within the last
     * {@value #HEAD_WINDOW} positions become gaps, so commits in flight at this moment are still delivered.
     */
    @Override
    public TrackingToken createHeadToken() {
        long highest = allocator.highestAllocated();
        if (highest == 0) {
            return null;
        }
        long from = Math.max(1, highest - HEAD_WINDOW + 1);
        List<Long> window = new ArrayList<>();
        for (long p = from; p <= highest; p++) {
            window.add(p);
        }
        boolean[] covered = new boolean[window.size()];
        long highestVisible = from - 1;
        for (Commit commit : Commit.distinct(collections.events().find(Filters.in(EventStoreCollections.POSITIONS, window)))) {
            for (long p = Math.max(from, commit.firstPosition()); p <= Math.min(highest, commit.lastPosition()); p++) {
                covered[(int) (p - from)] = true;
            }
            highestVisible = Math.max(highestVisible, Math.min(highest, commit.lastPosition()));
        }
        List<Long> gaps = new ArrayList<>();
        for (long p = from; p < highestVisible; p++) {
            if (!covered[(int) (p - from)]) {
                gaps.add(p);
            }
        }
        return GapAwareTrackingToken.newInstance(highestVisible, gaps);
    }

    /**
     * A token just before the first commit recorded at or after {@code dateTime}, found by binary search over
     * positions. Commit times come from several writers' clocks, so around the boundary this is approximate; a
     * replay that must not miss anything starts from the tail instead.
     */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        long low = 1;
        long high = allocator.highestAllocated() + 1;
        while (low < high) {
            long mid = low + (high - low) / 2;
            Optional<Commit> probe = firstCommitFrom(mid);
            if (probe.isEmpty() || !committedAt(probe.get()).isBefore(dateTime)) {
                high = mid;
            } else {
                low = probe.get().lastPosition() + 1;
            }
        }
        return low <= 1 ? null : GapAwareTrackingToken.newInstance(low - 1, List.of());
    }

    private Optional<Commit> firstCommitFrom(long position) {
        List<Long> window = new ArrayList<>(TOKEN_AT_PROBE);
        for (long p = position; p < position + TOKEN_AT_PROBE; p++) {
            window.add(p);
        }
        return Commit.distinct(collections.events().find(Filters.in(EventStoreCollections.POSITIONS, window)))
                .stream().filter(c -> !c.tombstone()).findFirst();
    }

    private static Instant committedAt(Commit commit) {
        return Instant.parse(commit.events().get(0).timestamp());
    }

    // ---- for operators ---------------------------------------------------------------------------------------

    /** The highest position allocated so far: the store's head, counting commits still in flight. */
    public long headPosition() {
        return allocator.highestAllocated();
    }

    /**
     * The highest position that holds an event: the head without the positions above it that hold none (tombstones
     * of conflict losers, fenced positions, positions allocated and not written, or not yet). A reader at this
     * position has every event there is, so a lag measured from here reads 0 in a quiet store. Looks down from the
     * head at most {@value #EVENT_HEAD_PROBES} windows of {@value #TOKEN_AT_PROBE} positions; beyond that it answers the
     * head itself, which overstates a lag rather than hiding one.
     */
    public long eventHeadPosition() {
        long head = allocator.highestAllocated();
        for (long top = head; top > 0 && top > head - (long) EVENT_HEAD_PROBES * TOKEN_AT_PROBE; top -= TOKEN_AT_PROBE) {
            List<Long> window = new ArrayList<>(TOKEN_AT_PROBE);
            for (long p = Math.max(1, top - TOKEN_AT_PROBE + 1); p <= top; p++) {
                window.add(p);
            }
            long limit = top;
            OptionalLong highest = Commit.distinct(collections.events().find(Filters.in(EventStoreCollections.POSITIONS, window)))
                    .stream().filter(c -> !c.tombstone()).mapToLong(Commit::lastPosition).map(p -> Math.min(p, limit)).max();
            if (highest.isPresent()) {
                return highest.getAsLong();
            }
        }
        return head <= (long) EVENT_HEAD_PROBES * TOKEN_AT_PROBE ? 0 : head;
    }

    /**
     * How long the oldest of a token's gaps has been open, as this instance's readers saw it (they note each gap when
     * they first meet it); empty when there are no gaps or none has been met yet.
     */
    public Optional<Duration> openFor(SortedSet<Long> gaps) {
        return fence.openFor(gaps);
    }

    /** How many positions readers have fenced off since this instance started. */
    public long fencedPositions() {
        return fence.fencedCount();
    }

    /**
     * When the first event after {@code position} was recorded: for a reader whose token stands at {@code position},
     * the age of the oldest event it has not passed yet. Looks at most {@value #LAG_PROBES} windows of
     * {@value #TOKEN_AT_PROBE} positions ahead (tombstones and positions still in flight are passed over); empty when
     * nothing was found there, or nothing is there at all.
     */
    public Optional<Instant> firstRecordedAfter(long position) {
        long head = allocator.highestAllocated();
        for (long from = position + 1; from <= head && from <= position + (long) LAG_PROBES * TOKEN_AT_PROBE;
             from += TOKEN_AT_PROBE) {
            Optional<Commit> commit = firstCommitFrom(from);
            if (commit.isPresent()) {
                return Optional.of(committedAt(commit.get()));
            }
        }
        return Optional.empty();
    }

    public static final class Builder extends AbstractEventStorageEngine.Builder {

        private EventStoreCollections collections;
        private Duration gapTimeout = Duration.ofSeconds(10);
        private int batchSize = 256;
        private int aggregateBatchSize = 128;
        private AllocationListener allocationListener = AllocationListener.NONE;

        private Builder() {
            persistenceExceptionResolver(duplicateKeyResolver());
        }

        private static PersistenceExceptionResolver duplicateKeyResolver() {
            return e -> e instanceof MongoWriteException w && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }

        public Builder collections(EventStoreCollections collections) {
            this.collections = collections;
            return this;
        }

        /** How long a gap may stay open before a reader fences it. */
        public Builder gapTimeout(Duration gapTimeout) {
            this.gapTimeout = gapTimeout;
            return this;
        }

        /** How many positions a tracking read asks for at once. */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        public Builder aggregateBatchSize(int aggregateBatchSize) {
            this.aggregateBatchSize = aggregateBatchSize;
            return this;
        }

        public Builder allocationListener(AllocationListener allocationListener) {
            this.allocationListener = allocationListener;
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(org.axonframework.serialization.upcasting.event.EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        protected void validate() {
            super.validate();
            if (collections == null) {
                throw new org.axonframework.common.AxonConfigurationException("The event store collections are required");
            }
            if (batchSize < 1 || aggregateBatchSize < 1 || gapTimeout.isNegative()) {
                throw new org.axonframework.common.AxonConfigurationException("Batch sizes and the gap timeout must be positive");
            }
        }

        public MongoEventStorageEngine build() {
            return new MongoEventStorageEngine(this);
        }
    }
}
