package org.travesia.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.travesia.eventstore.TestEvents.step;
import static org.travesia.eventstore.TestEvents.steps;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TrackingTest {

    private EventStoreFixture store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void aReaderGetsEveryEventOnceInPositionOrder() {
        store = new EventStoreFixture();
        store.engine.appendEvents(steps("a", 0, 2));
        store.engine.appendEvents(steps("b", 0, 120));
        store.engine.appendEvents(steps("a", 2, 1));

        List<TrackedEventMessage<?>> read = store.readNew();

        assertThat(read).hasSize(123);
        assertThat(read).extracting(e -> ((GapAwareTrackingToken) e.trackingToken()).getIndex())
                .containsExactlyElementsOf(range(1, 123));
        assertThat(store.readNew()).isEmpty();
    }

    @Test
    void aReaderResumesInsideACommitThatStraddlesItsToken() {
        store = new EventStoreFixture();
        store.engine.appendEvents(steps("a", 0, 5));

        TrackedEventMessage<?> second = store.engine.readEvents(null, false).skip(1).findFirst().orElseThrow();
        List<? extends TrackedEventMessage<?>> rest = store.engine.readEvents(second.trackingToken(), false).toList();

        assertThat(rest).extracting(e -> ((TestEvents.Stepped) e.getPayload()).step()).containsExactly(2L, 3L, 4L);
    }

    @Test
    void aCommitThatLandsLateFillsItsGapAndIsDelivered() throws Exception {
        CountDownLatch slowAllocated = new CountDownLatch(1);
        CountDownLatch releaseSlow = new CountDownLatch(1);
        store = new EventStoreFixture(Duration.ofMinutes(1), (first, count) -> {
            if (first == 1) {
                slowAllocated.countDown();
                awaitLatch(releaseSlow);
            }
        });
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> store.engine.appendEvents(List.of(step("slow", 0))));
        assertThat(slowAllocated.await(5, TimeUnit.SECONDS)).isTrue();
        store.engine.appendEvents(List.of(step("fast", 0)));

        assertThat(store.readNew()).extracting(EventStoreFixture::aggregateOf).containsExactly("fast");
        assertThat(store.readerToken().getGaps()).containsExactly(1L);

        releaseSlow.countDown();
        slow.get(5, TimeUnit.SECONDS);

        assertThat(store.readNew()).extracting(EventStoreFixture::aggregateOf).containsExactly("slow");
        assertThat(store.readerToken().getGaps()).isEmpty();
        assertThat(store.readerToken().getIndex()).isEqualTo(2);
    }

    @Test
    void aCommitSlowerThanTheGapTimeoutIsFencedOffAndRetriedNeverLost() throws Exception {
        CountDownLatch slowAllocated = new CountDownLatch(1);
        CountDownLatch releaseSlow = new CountDownLatch(1);
        store = new EventStoreFixture(Duration.ofMillis(200), (first, count) -> {
            if (first == 1) {
                slowAllocated.countDown();
                awaitLatch(releaseSlow);
            }
        });
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> store.engine.appendEvents(List.of(step("slow", 0))));
        assertThat(slowAllocated.await(5, TimeUnit.SECONDS)).isTrue();
        store.engine.appendEvents(List.of(step("fast", 0)));

        List<TrackedEventMessage<?>> delivered = new ArrayList<>(store.readNew());
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            delivered.addAll(store.readNew());
            return store.engine.fencedPositions() == 1;
        });
        releaseSlow.countDown();
        slow.get(5, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            delivered.addAll(store.readNew());
            return delivered.size() >= 2;
        });

        assertThat(delivered).extracting(EventStoreFixture::aggregateOf).containsExactly("fast", "slow");
        assertThat(store.readerToken().getGaps()).isEmpty();
        assertThat(store.sequencesOf("slow")).containsExactly(0L);
    }

    @Test
    void aHoleWiderThanABatchOfPositionsNobodyWroteDoesNotStopTheReader() {
        store = new EventStoreFixture(Duration.ofMillis(200), AllocationListener.NONE);
        store.engine.appendEvents(List.of(step("before", 0)));
        new PositionAllocator(store.collections).allocate(120); // a writer that crashed after allocating, say
        store.engine.appendEvents(List.of(step("after", 0)));

        List<TrackedEventMessage<?>> delivered = new ArrayList<>(store.readNew());
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            delivered.addAll(store.readNew());
            return delivered.size() == 2 && store.engine.fencedPositions() == 120;
        });
        // Fencing moves the reader without an event to carry the news; the next event's token has no gaps left.
        store.engine.appendEvents(List.of(step("later", 0)));
        delivered.addAll(store.readNew());

        assertThat(delivered).extracting(EventStoreFixture::aggregateOf).containsExactly("before", "after", "later");
        assertThat(store.readerToken().getGaps()).isEmpty();
    }

    @Test
    void aCommitThatLosesAConflictLeavesNoHoleBehind() {
        store = new EventStoreFixture();
        store.engine.appendEvents(List.of(step("a", 0)));
        for (int i = 0; i < 300; i++) {
            try {
                store.engine.appendEvents(List.of(step("a", 0)));
            } catch (org.axonframework.modelling.command.AggregateStreamCreationException expected) {
                // A client retrying a stale write in a loop.
            }
        }
        store.engine.appendEvents(List.of(step("b", 0)));

        assertThat(store.readNew()).extracting(EventStoreFixture::aggregateOf).containsExactly("a", "b");
        assertThat(store.readerToken().getGaps()).as("the losers fenced their own positions").isEmpty();
        assertThat(store.engine.fencedPositions()).isZero();
    }

    @Test
    void theHeadTokenCoversWhatIsVisibleAndKeepsCommitsInFlightAsGaps() throws Exception {
        CountDownLatch slowAllocated = new CountDownLatch(1);
        CountDownLatch releaseSlow = new CountDownLatch(1);
        store = new EventStoreFixture(Duration.ofMinutes(1), (first, count) -> {
            if (first == 3) {
                slowAllocated.countDown();
                awaitLatch(releaseSlow);
            }
        });
        store.engine.appendEvents(steps("a", 0, 2));
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> store.engine.appendEvents(List.of(step("slow", 0))));
        assertThat(slowAllocated.await(5, TimeUnit.SECONDS)).isTrue();
        store.engine.appendEvents(List.of(step("b", 0)));

        GapAwareTrackingToken head = (GapAwareTrackingToken) store.engine.createHeadToken();
        releaseSlow.countDown();
        slow.get(5, TimeUnit.SECONDS);

        assertThat(head.getIndex()).isEqualTo(4);
        assertThat(head.getGaps()).containsExactly(3L);
        assertThat(store.engine.readEvents(head, false).map(EventStoreFixture::aggregateOf)).containsExactly("slow");
    }

    @Test
    void aTokenAtAnInstantStartsAtTheFirstCommitRecordedFromThen() {
        store = new EventStoreFixture();
        store.engine.appendEvents(steps("early", 0, 30));
        Instant between = Instant.now();
        await().until(() -> Instant.now().isAfter(between));
        store.engine.appendEvents(steps("late", 0, 30));

        List<String> fromThen = store.engine.readEvents(store.engine.createTokenAt(between), false)
                .map(EventStoreFixture::aggregateOf).distinct().toList();

        assertThat(fromThen).containsExactly("late");
    }

    private static List<Long> range(long from, long to) {
        List<Long> values = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            values.add(i);
        }
        return values;
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
