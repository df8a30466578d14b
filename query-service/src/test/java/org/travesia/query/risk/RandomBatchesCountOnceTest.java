package org.travesia.query.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.junit.jupiter.api.Test;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.platform.testing.ProcessedBatch;

/**
 * Batches leave what the same events leave one by one: random incidents and missing-person cases (some with the same
 * ids) interleaved at random, cut into batches at random; a third of the batches fail at their states step and are
 * handed again, whole or shorter, and some are delivered again from further back, as after a lost token.
 * 40 seeded runs. The reviewer's, who found the shorter batches' double count with it.
 */
class RandomBatchesCountOnceTest {

    private static final String[] DAYS = {"2026-10-28", "2026-11-04", "2026-11-05", "2026-11-18", "2026-11-25",
            "2026-12-01"};
    private static final String[] SEGMENTS = {"jungle", "coast"};

    @Test
    void randomBatchesLeaveWhatEventByEventLeaves() throws Exception {
        for (int seed = 0; seed < 40; seed++) {
            run(seed, false);
        }
    }

    /**
     * The same, as a tracking processor's batches: the marks each batch settles are removed by later batches of the
     * segment ({@code RiskBuckets.HeldMarks}), some after a batch that failed, and now and then the segment's mask
     * changes (a split), leaving the marks held under the old one. The figures are those of the events one by one, and
     * every mark left is covered by its incident's state.
     */
    @Test
    void randomBatchesOfASegmentLeaveTheSameFigures() throws Exception {
        for (int seed = 0; seed < 40; seed++) {
            run(seed, true);
        }
    }

    private void run(int seed, boolean segmented) throws Exception {
        Random random = new Random(seed);
        List<List<EventMessage<?>>> perAggregate = new ArrayList<>();
        int incidents = 2 + random.nextInt(4);
        for (int i = 0; i < incidents; i++) {
            String id = "x-" + i;
            RiskEvents events = RiskEvents.about(id).of(random.nextBoolean() ? "org-a" : "org-b")
                    .on(DAYS[random.nextInt(DAYS.length)]).inSegment(SEGMENTS[random.nextInt(2)]);
            List<EventMessage<?>> list = new ArrayList<>();
            list.add(event("Incident", id, events.incidentReported(), 0));
            int n = random.nextInt(6);
            for (int s = 1; s <= n; s++) {
                Object payload = switch (random.nextInt(3)) {
                    case 0 -> events.movedTo(DAYS[random.nextInt(DAYS.length)]);
                    case 1 -> events.movedToSegment(SEGMENTS[random.nextInt(2)]);
                    default -> events.deadChangedTo(random.nextInt(5));
                };
                list.add(event("Incident", id, payload, s));
            }
            perAggregate.add(list);
        }
        int cases = random.nextInt(3);
        for (int c = 0; c < cases; c++) {
            String id = "x-" + c; // the same id as an incident
            RiskEvents events = RiskEvents.about(id).on(DAYS[random.nextInt(DAYS.length)])
                    .inSegment(SEGMENTS[random.nextInt(2)]);
            perAggregate.add(new ArrayList<>(List.of(event("MissingPersonCase", id, events.caseReported(), 0))));
        }
        List<EventMessage<?>> stream = new ArrayList<>();
        Map<Integer, Integer> next = new HashMap<>();
        int total = perAggregate.stream().mapToInt(List::size).sum();
        while (stream.size() < total) {
            int a = random.nextInt(perAggregate.size());
            int at = next.getOrDefault(a, 0);
            if (at < perAggregate.get(a).size()) {
                stream.add(perAggregate.get(a).get(at));
                next.put(a, at + 1);
            }
        }

        try (EmbeddedMongo one = EmbeddedMongo.inMemory(); EmbeddedMongo many = EmbeddedMongo.inMemory()) {
            ProcessedBatch.eventByEvent(new RiskProjection(new RiskBuckets(one.database())), stream);
            StatesStepFails buckets = new StatesStepFails(many.database());
            RiskProjection projection = new RiskProjection(buckets);
            Segment segment = segmented ? Segment.ROOT_SEGMENT : null;
            int from = 0;
            while (from < stream.size()) {
                if (segmented && random.nextInt(8) == 0) {
                    segment = segment.split()[0];
                }
                int to = Math.min(stream.size(), from + 1 + random.nextInt(6));
                List<EventMessage<?>> batch = stream.subList(from, to);
                if (random.nextInt(3) == 0) {
                    buckets.armed = true;
                    assertThat(ProcessedBatch.inSegment(segment, projection, batch).isExceptional())
                            .as("seed " + seed).isTrue();
                    buckets.armed = false;
                    // handed again, perhaps cut shorter (ShorterBatchAfterCrashTest)
                    if (random.nextBoolean() && to - from > 1) {
                        to = from + 1 + random.nextInt(to - from - 1);
                        batch = stream.subList(from, to);
                    }
                }
                assertThat(ProcessedBatch.inSegment(segment, projection, batch).isExceptional())
                        .as("seed " + seed).isFalse();
                if (random.nextInt(4) == 0) {
                    // delivered again after the token was lost
                    int back = Math.max(0, from - random.nextInt(4));
                    assertThat(ProcessedBatch.inSegment(segment, projection, stream.subList(back, to))
                            .isExceptional()).isFalse();
                }
                from = to;
            }
            if (segmented) {
                assertThat(RiskDocuments.withoutMarks(many.database())).as("seed " + seed)
                        .isEqualTo(RiskDocuments.of(one.database()));
                assertThat(RiskDocuments.marksNotSettled(many.database())).as("seed " + seed).isEmpty();
            } else {
                assertThat(RiskDocuments.of(many.database())).as("seed " + seed)
                        .isEqualTo(RiskDocuments.of(one.database()));
            }
        }
    }

    private static EventMessage<?> event(String type, String id, Object payload, long sequence) {
        return new GenericDomainEventMessage<>(type, id, sequence, payload);
    }
}
