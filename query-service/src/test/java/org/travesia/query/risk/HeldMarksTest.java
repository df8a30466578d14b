package org.travesia.query.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.travesia.query.risk.RiskReader.incidents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.kernel.common.Role;
import org.travesia.platform.testing.ProcessedBatch;
import org.travesia.platform.viewwrites.ViewWrites;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/**
 * In a tracking processor's batches, the marks a batch settles stay in their buckets until a later batch of the same
 * segment updates the bucket anyway, and go in that same update; a bucket no batch updates loses them after
 * {@link RiskBuckets#HELD_BATCHES} batches. A bucket that two batches in a row update is written once per batch, not
 * twice (docs/benchmarks.md, session 16).
 */
class HeldMarksTest {

    private static final Segment SEGMENT = Segment.ROOT_SEGMENT;
    private static final String DAY = "2026-11-18";
    private static final String OTHER_DAY_SAME_WEEK = "2026-11-19";

    private final EmbeddedMongo mongo = EmbeddedMongo.inMemory();

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void aMarkSettledInOneBatchGoesInTheNextBatchsUpdateOfItsBucket() {
        // each update of a week bucket, by the fields it unsets, read while the command's bytes are there
        List<List<String>> weekUpdates = Collections.synchronizedList(new ArrayList<>());
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("update") && event.getCommand().getString("update").getValue()
                        .equals(RiskPeriod.WEEK.collection())) {
                    event.getCommand().getArray("updates").forEach(u -> {
                        BsonDocument unset = u.asDocument().getDocument("u").getDocument("$unset", new BsonDocument());
                        weekUpdates.add(List.copyOf(unset.keySet()));
                    });
                }
            }
        };
        try (MongoClient listened = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(mongo.uri())).addCommandListener(listener).build())) {
            RiskBuckets buckets = new RiskBuckets(listened.getDatabase("travesia"));
            RiskProjection projection = new RiskProjection(buckets);

            batch(projection, SEGMENT, reported("incident-a", DAY));
            assertThat(marks("incident-a", DAY)).as("held after its batch: day, week and month").containsExactly(
                    0L, 0L, 0L);
            weekUpdates.clear();

            batch(projection, SEGMENT, reported("incident-b", OTHER_DAY_SAME_WEEK));

            assertThat(weekUpdates).as("the week's one update: b's count and mark, and a's mark removed").hasSize(1);
            assertThat(weekUpdates.get(0)).containsExactly(RiskBuckets.incidentMark("incident-a"));
            assertThat(marks("incident-a", DAY)).as("a's day is not updated: its mark waits").containsExactly(
                    0L, null, null);
            assertThat(marks("incident-b", OTHER_DAY_SAME_WEEK)).containsExactly(0L, 0L, 0L);
            RiskReader analyst = RiskReader.of(buckets, "org-a", Role.ANALYST);
            assertThat(incidents(analyst.week("jungle", "2026-11-16"))).isEqualTo(2);
        }
    }

    @Test
    void aMarkWhoseBucketNoBatchUpdatesGoesAfterTheHeldBatches() {
        RiskProjection projection = new RiskProjection(new RiskBuckets(mongo.database()));
        batch(projection, SEGMENT, reported("incident-a", DAY));
        LocalDate elsewhere = LocalDate.parse("2025-01-06");
        for (int i = 1; i < RiskBuckets.HELD_BATCHES; i++) {
            batch(projection, SEGMENT, reported("incident-" + i, elsewhere.plusMonths(i).toString()));
        }
        assertThat(marks("incident-a", DAY)).as("after %d more batches", RiskBuckets.HELD_BATCHES - 1)
                .containsExactly(0L, 0L, 0L);

        batch(projection, SEGMENT, reported("incident-last", elsewhere.toString()));

        assertThat(marks("incident-a", DAY)).as("after %d more batches", RiskBuckets.HELD_BATCHES)
                .containsExactly(null, null, null);
        assertThat(RiskDocuments.marksNotSettled(mongo.database())).isEmpty();
    }

    /** A missing-person case's marks are held and removed as an incident's are, against the case's state. */
    @Test
    void aCasesMarkGoesAfterTheHeldBatchesToo() {
        RiskProjection projection = new RiskProjection(new RiskBuckets(mongo.database()));
        batch(projection, SEGMENT, new GenericDomainEventMessage<>("MissingPersonCase", "case-1", 0,
                RiskEvents.about("case-1").on(DAY).caseReported()));
        assertThat(marks(RiskBuckets.caseMark("case-1"), DAY)).containsExactly(0L, 0L, 0L);
        LocalDate elsewhere = LocalDate.parse("2025-01-06");
        for (int i = 0; i < RiskBuckets.HELD_BATCHES; i++) {
            batch(projection, SEGMENT, reported("incident-" + i, elsewhere.plusMonths(i).toString()));
        }

        assertThat(marks(RiskBuckets.caseMark("case-1"), DAY)).containsExactly(null, null, null);
    }

    /**
     * Past the bound on the marks a segment holds, the oldest are removed by the next batch, in updates of their own:
     * here a bound of four, and a batch that settles six marks (two incidents, each in a day, a week and a month).
     */
    @Test
    void pastTheBoundTheOldestHeldMarksGoInTheNextBatch() {
        RiskProjection projection = new RiskProjection(new RiskBuckets(mongo.database(), 4));
        batch(projection, SEGMENT, reported("incident-a", "2025-01-06"), reported("incident-b", "2025-03-03"));

        batch(projection, SEGMENT, reported("incident-c", DAY));

        assertThat(marks("incident-a", "2025-01-06")).as("the two oldest").containsExactly(null, null, 0L);
        assertThat(marks("incident-b", "2025-03-03")).containsExactly(0L, 0L, 0L);
    }

    /** A segment split keeps its id and takes another mask: incidents it held marks of may now be another's. */
    @Test
    void aSegmentWithAnotherMaskLeavesTheMarksHeldUnderTheOldOne() {
        RiskProjection projection = new RiskProjection(new RiskBuckets(mongo.database()));
        batch(projection, SEGMENT, reported("incident-a", DAY));

        batch(projection, SEGMENT.split()[0], reported("incident-b", OTHER_DAY_SAME_WEEK));

        assertThat(marks("incident-a", DAY)).containsExactly(0L, 0L, 0L);
    }

    /**
     * The view replayed by another instance while this one held marks: its reset emptied the buckets and the states,
     * and a replay batch of this segment [b, a] died after its bucket updates, leaving a marked with its report and
     * no state. Handed again shorter, [b] updates a's day, where a's mark from before the replay is held at the same
     * sequence: removed, a's report would count twice when it comes. The state, gone back, says to leave it.
     */
    @Test
    void aHeldMarkStaysWhenTheStateHasGoneBackSinceItWasSettled() throws Exception {
        StatesStepFails buckets = new StatesStepFails(mongo.database());
        RiskProjection projection = new RiskProjection(buckets);
        EventMessage<?> reportA = reported("incident-a", DAY);
        EventMessage<?> reportB = reported("incident-b", DAY);
        batch(projection, SEGMENT, reportA);
        new RiskBuckets(mongo.database()).deleteAll();

        diesBeforeItsStates(buckets, projection, reportB, reportA);
        batch(projection, SEGMENT, reportB);
        batch(projection, SEGMENT, reportA);

        RiskReader analyst = RiskReader.of(buckets, "org-a", Role.ANALYST);
        assertThat(incidents(analyst.week("jungle", "2026-11-16"))).isEqualTo(2);
        assertAsOneByOne(reportB, reportA);
    }

    /**
     * An operator retries a's parked move while a batch of the segment ends: the batch has read a's held mark on its
     * day, the retry then moves a off that day and dies before its state, and the batch removes the mark it read.
     * Retried again, the move must still be refused there: a retry marks the buckets under a mark of its own, which
     * no held removal touches.
     */
    @Test
    void aRetryBetweenABatchsReadOfAHeldMarkAndItsRemovalKeepsItsOwnMark() throws Exception {
        EventMessage<?> reportA = reported("incident-a", DAY);
        EventMessage<?> reportB = reported("incident-b", DAY);
        EventMessage<?> moveA = new GenericDomainEventMessage<>("Incident", "incident-a", 1,
                RiskEvents.about("incident-a").movedTo("2026-11-25"));
        AtomicBoolean retryInTheBatch = new AtomicBoolean();
        AtomicReference<RiskProjection> retrying = new AtomicReference<>();
        StatesStepFails buckets = new StatesStepFails(mongo.database()) {
            @Override
            void saveIncident(Document incident) {
                super.saveIncident(incident);
                if (retryInTheBatch.getAndSet(false)) {
                    // runs once the batch's held writes are decided (its marks read), before they are sent
                    ViewWrites.current().beforeFlush(() -> onItsOwnThread(() -> {
                        armed = true;
                        assertThatThrownBy(() -> ProcessedBatch.eventByEvent(retrying.get(), List.of(moveA)))
                                .hasStackTraceContaining("duplicate key");
                        armed = false;
                    }));
                }
            }
        };
        RiskProjection projection = new RiskProjection(buckets);
        retrying.set(projection);
        batch(projection, SEGMENT, reportA);

        retryInTheBatch.set(true);
        batch(projection, SEGMENT, reportB);
        assertThat(retryInTheBatch).as("the retry ran").isFalse();
        ProcessedBatch.eventByEvent(projection, List.of(moveA));

        assertAsOneByOne(reportA, reportB, moveA);
    }

    /**
     * A batch whose bucket updates (a's mark removed from the week, b counted there) went out and whose states did
     * not: handed again, b counts once, and a's mark, gone already, is not missed.
     */
    @Test
    void aBatchThatFailedAfterRemovingHeldMarksCountsOnceWhenHandedAgain() throws Exception {
        StatesStepFails buckets = new StatesStepFails(mongo.database());
        RiskProjection projection = new RiskProjection(buckets);
        batch(projection, SEGMENT, reported("incident-a", DAY));
        EventMessage<?> reportB = reported("incident-b", OTHER_DAY_SAME_WEEK);
        EventMessage<?> moveA = new GenericDomainEventMessage<>("Incident", "incident-a", 1,
                RiskEvents.about("incident-a").movedTo("2026-11-20"));

        diesBeforeItsStates(buckets, projection, reportB, moveA);
        batch(projection, SEGMENT, reportB);
        batch(projection, SEGMENT, moveA);

        RiskReader analyst = RiskReader.of(buckets, "org-a", Role.ANALYST);
        assertThat(incidents(analyst.week("jungle", "2026-11-16"))).isEqualTo(2);
        assertAsOneByOne(reported("incident-a", DAY), reportB, moveA);
    }

    /**
     * A batch of the segment died after its bucket updates, leaving a's move marked under the processor's mark and
     * a's state behind it; the move then failed and was parked, and an operator retries it. The retry's own mark is not
     * there, and the processor's must refuse the move all the same.
     */
    @Test
    void aRetryAfterABatchThatDiedIsRefusedByTheBatchsMark() throws Exception {
        EventMessage<?> reportA = reported("incident-a", DAY);
        EventMessage<?> moveA = new GenericDomainEventMessage<>("Incident", "incident-a", 1,
                RiskEvents.about("incident-a").movedTo("2026-11-25"));
        StatesStepFails buckets = new StatesStepFails(mongo.database());
        RiskProjection projection = new RiskProjection(buckets);
        batch(projection, SEGMENT, reportA);
        diesBeforeItsStates(buckets, projection, moveA);

        ProcessedBatch.eventByEvent(projection, List.of(moveA));

        assertAsOneByOne(reportA, moveA);
    }

    /** The store holds what the same events leave handled one by one, settled marks aside. */
    private void assertAsOneByOne(EventMessage<?>... events) throws Exception {
        try (EmbeddedMongo one = EmbeddedMongo.inMemory()) {
            ProcessedBatch.eventByEvent(new RiskProjection(new RiskBuckets(one.database())), List.of(events));
            RiskDocuments.assertSame(mongo.database(), one.database(), true);
        }
    }

    /** A batch of the segment that dies after its bucket updates went out, before its states. */
    private static void diesBeforeItsStates(StatesStepFails buckets, RiskProjection projection,
                                            EventMessage<?>... events) {
        buckets.armed = true;
        assertThat(ProcessedBatch.inSegment(SEGMENT, projection, List.of(events)).isExceptional()).isTrue();
        buckets.armed = false;
    }

    private static void onItsOwnThread(Runnable action) {
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                action.run();
            } catch (Throwable e) {
                failed.set(e);
            }
        });
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (failed.get() != null) {
            throw new IllegalStateException("The retry did not go as planned", failed.get());
        }
    }

    private static EventMessage<?> reported(String incidentId, String day) {
        return new GenericDomainEventMessage<>("Incident", incidentId, 0,
                RiskEvents.about(incidentId).on(day).incidentReported());
    }

    private static void batch(RiskProjection projection, Segment segment, EventMessage<?>... events) {
        assertThat(ProcessedBatch.inSegment(segment, projection, List.of(events)).isExceptional()).isFalse();
    }

    /**
     * The incident's mark (or this mark, {@code a.…}) in the jungle's day, week and month buckets of {@code day}: its
     * value, or null.
     */
    private List<Long> marks(String incidentIdOrMark, String day) {
        List<Long> marks = new ArrayList<>();
        String mark = incidentIdOrMark.startsWith("a.") ? incidentIdOrMark : RiskBuckets.incidentMark(incidentIdOrMark);
        for (RiskPeriod period : RiskPeriod.values()) {
            marks.add(RiskDocuments.mark(mongo.database(), period, day, mark));
        }
        return marks;
    }
}
