package org.travesia.query.risk;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.axonframework.eventhandling.Segment;
import org.bson.Document;
import org.bson.codecs.configuration.CodecRegistries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.travesia.platform.viewwrites.MergedUpdate;
import org.travesia.platform.viewwrites.ViewWrites;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;

/**
 * The pre-aggregated risk buckets: for each period size ({@link RiskPeriod}), one document per route, segment and
 * period, {@code _id} "route|segment in hex|first day", holding counters nested by organisation, sharing level, type
 * and verification, changed by {@code $inc} only, 32-bit while they fit ({@link MergedUpdate}). A document per
 * segment rather than per route keeps each small: the embedded store copies a whole document for every update and
 * encodes it again at every commit, so a route-wide document holding every leaf of the route made each event dearer
 * as the store grew (docs/benchmarks.md).
 * Beside the leaves, totals per organisation and sharing key ({@link RiskContribution#TOTALS}) change in the same
 * update. {@code risk_route_segments} lists, per route, the segments that have buckets and the organisations counted
 * in them; a window is read as that one document and then the {@code _id}s of its segments and periods by
 * {@code $in}, both of which the embedded store serves from its index, taking only the parts the reader may count,
 * and is summed by the reader over the leaves the caller may see.
 * Per incident, {@code risk_incidents} keeps what it contributes now and the last event applied. Missing-person
 * cases opened are counted in the same documents under {@code c} ({@link CaseContribution}); {@code risk_cases}
 * holds the id of each case counted.
 * <p>
 * Idempotent without transactions: a bucket document takes an incident's (or a case's) event in one update that also
 * marks it with that event's sequence ({@code a.<incident or case key>}), and an update finding the mark there
 * changes nothing. So an event delivered again, after a crash left the buckets ahead of the incident's state, counts
 * once, in each of the segments it moves between. Once the state has recorded the event the marks are no longer
 * needed and are removed, which keeps the documents small; a crash before that leaves a stale mark, harmless as a
 * later event carries a higher sequence. A segment's entry in {@code risk_route_segments} is set with every update
 * of its buckets, marked or not, so a bucket is never there without it.
 * <p>
 * A processed batch's writes go when it ends ({@link ViewWrites}): every bucket update, then the states. A bucket
 * may then take several events of one incident before its state records any, so a mark refuses its own event and
 * every earlier one: each bucket's updates are sent in order, so a bucket marked with an event has taken it and every
 * earlier event of the incident that touched it. Within the batch, states are read from what the batch wrote before
 * the database. The marks the batch settles are removed in a later batch of the processor's segment, in the update
 * that batch sends to the same bucket anyway, or on their own after {@value #HELD_BATCHES} batches
 * ({@link HeldMarks}); a unit of work that is not a processor's batch (a dead letter's retry) marks under marks of its
 * own ({@link #retryMark}) and removes them in a third step, after the states.
 * <p>
 * Buckets of the older layout (one document per route and period, in {@code risk_days}, {@code risk_weeks} and
 * {@code risk_months}) are not read: {@link RiskLayoutUpgrade} replays the processor when it finds them.
 */
@Component
class RiskBuckets {

    static final String INCIDENTS = "risk_incidents";
    static final String CASES = "risk_cases";
    static final String ROUTE_SEGMENTS = "risk_route_segments";
    /**
     * The collections of older layouts: one bucket document per route and period, then per segment without totals or
     * the organisations per route. A build of those layouts run on the store after this one writes there, never here,
     * and this build replays at its next start. The builds since write here and compare the layout mark
     * ({@link #holdOlderLayout}): each replays what the other wrote.
     */
    static final List<String> OLDER_LAYOUT = List.of("risk_days", "risk_weeks", "risk_months", "risk_segment_days",
            "risk_segment_weeks", "risk_segment_months");
    /**
     * The steps of a batch's writes ({@link ViewWrites}): buckets, then states; then, for a unit of work that is not a
     * processor's batch, the removal of the marks it settled.
     */
    private static final int BUCKETS_STEP = 0;
    private static final int STATE_STEP = 1;
    private static final int SETTLE_STEP = 2;
    /**
     * How many of its segment's batches that move buckets a settled mark waits, at most, for a batch that updates its
     * bucket anyway and removes it in that update ({@link HeldMarks}).
     */
    static final int HELD_BATCHES = 8;
    /**
     * About how many settled marks a segment holds at most (a batch's own are added after the check); above it, the
     * oldest are removed in updates of their own.
     */
    static final int HELD_MARKS = 10_000;
    /** In a route's {@code risk_route_segments} document: the segments with buckets, by key in hex. */
    private static final String SEGMENTS = "s";
    /** In a route's {@code risk_route_segments} document: the organisations with counts in its buckets, by key. */
    private static final String ORGANISATIONS = "o";
    /** In a bucket document: the marks of the events it took, by incident or case ({@link #incidentMark}). */
    private static final String MARKS = "a";
    /**
     * The layout the buckets were written in: one document, {@code _id} {@value #LAYOUT_ID}, naming it
     * ({@link #markLayout}). Not emptied by a replay.
     */
    static final String LAYOUT = "risk_layout";
    private static final String LAYOUT_ID = "buckets";
    private static final String LAYOUT_FIELDS = "layout";
    /**
     * What the mark says from before a replay's reset empties the buckets until the replay is set going
     * ({@link #markReplayPending}): a crash in between leaves no bucket to say that a replay is needed.
     */
    private static final String REPLAY_PENDING = "replay pending";

    private final Map<RiskPeriod, MongoCollection<Document>> buckets = new EnumMap<>(RiskPeriod.class);
    private final MongoCollection<Document> incidents;
    private final MongoCollection<Document> cases;
    private final MongoCollection<Document> routeSegments;
    private final MongoCollection<Document> layout;
    private final MongoDatabase database;
    /**
     * Per segment id of the processor, the marks its batches settled and have not removed yet ({@link HeldMarks}).
     * An entry stays for a segment this instance no longer holds (about {@link #HELD_MARKS} marks at most), until a
     * batch of that id comes again or a reset.
     */
    private final Map<Integer, HeldMarks> heldBySegment = new ConcurrentHashMap<>();
    private final int heldMarksAtMost;

    @Autowired
    RiskBuckets(MongoDatabase travesiaDatabase) {
        this(travesiaDatabase, HELD_MARKS);
    }

    /** With another bound on the marks a segment holds than {@link #HELD_MARKS}: for tests of the bound. */
    RiskBuckets(MongoDatabase travesiaDatabase, int heldMarksAtMost) {
        this.heldMarksAtMost = heldMarksAtMost;
        this.database = travesiaDatabase;
        for (RiskPeriod period : RiskPeriod.values()) {
            buckets.put(period, travesiaDatabase.getCollection(period.collection()));
        }
        this.incidents = travesiaDatabase.getCollection(INCIDENTS);
        this.cases = travesiaDatabase.getCollection(CASES);
        this.routeSegments = travesiaDatabase.getCollection(ROUTE_SEGMENTS);
        this.layout = travesiaDatabase.getCollection(LAYOUT);
    }

    /**
     * The incident's state, as this batch left it or else as stored, for its event {@code sequence}; a copy the caller
     * may change.
     */
    Document incident(String incidentId, long sequence) {
        ViewWrites writes = ViewWrites.current();
        Map<String, Document> written = statesWritten(writes);
        Document incident = written.containsKey(incidentId) ? written.get(incidentId)
                : writes.storedById(incidents, incidentId, sequence, "sequence");
        return incident == null ? null : new Document(incident);
    }

    void saveIncident(Document incident) {
        ViewWrites writes = ViewWrites.current();
        writes.upsert(STATE_STEP, incidents, incident);
        statesWritten(writes).put(incident.getString("_id"), ViewWrites.asStored(incidents, incident));
    }

    /** Whether the missing-person case has been counted: its report is the one event of it the buckets take. */
    boolean caseCounted(String caseId) {
        return casesWritten(ViewWrites.current()).contains(caseId)
                || cases.find(Filters.eq("_id", caseId)).first() != null;
    }

    /** Records that the case's report, at {@code sequence}, is in the buckets: its id and nothing else of it. */
    void saveCase(String caseId, long sequence) {
        ViewWrites writes = ViewWrites.current();
        writes.upsert(STATE_STEP, cases, new Document("_id", caseId).append("sequence", sequence));
        casesWritten(writes).add(caseId);
    }

    private HeldBuckets held(ViewWrites writes) {
        return writes.local(this, HeldBuckets::new);
    }

    private Map<String, Document> statesWritten(ViewWrites writes) {
        return writes.local(incidents, HashMap::new);
    }

    private Set<String> casesWritten(ViewWrites writes) {
        return writes.local(cases, HashSet::new);
    }

    /**
     * Takes {@code before} away and adds {@code after} (either may be null), one update per bucket document, each
     * applied at most once for the event {@code sequence} of the incident or case that {@code mark} names.
     * <p>
     * A bucket refuses the event when its mark says it took this event or a later one. The marks are read before the
     * updates are sent, and the updates go by {@code _id} alone: the embedded store serves a query from its unique
     * index only when the query names that index's keys and nothing else, and scanned the whole collection for an
     * update that also asked for the mark (docs/benchmarks.md). Reading first is safe: only the thread handling this
     * incident's (or case's) events writes its mark. In a batch, the marks of every bucket the batch moves are read
     * once, per period, when the batch ends ({@link #send}), so each event meets the marks it met when they
     * were read event by event: the batch's own writes are sent after that read, and the one other writer meanwhile,
     * an operator's retry of a dead letter, has removed its marks before it releases the incident's later events to
     * the batch. The updates of one bucket are then merged into one, in the order of their events.
     * <p>
     * A unit of work that is not a processor's batch (a dead letter's retry, or a handler called directly) marks the
     * buckets under a mark of its own ({@link #retryMark}), and either mark refuses the event: a processor's batch
     * removes marks it holds from earlier batches without a look at anything but the mark and the state
     * ({@link HeldMarks}), and a retry running meanwhile, whose states step then failed, must still find its marks
     * when it is retried again.
     */
    void move(String mark, long sequence, BucketContribution before, BucketContribution after) {
        ViewWrites writes = ViewWrites.current();
        if (after != null) {
            writes.updateById(BUCKETS_STEP, routeSegments, after.routeId(),
                    new MergedUpdate().set(SEGMENTS + "." + hex(after.segmentKey()), true)
                            .set(ORGANISATIONS + "." + after.organisationKey(), true), true);
        }
        HeldBuckets held = held(writes);
        String field = writes.segment() == null ? retryMark(mark) : mark;
        for (RiskPeriod period : RiskPeriod.values()) {
            changes(period, before, after).forEach((bucketId, inc) -> {
                MergedUpdate update = new MergedUpdate();
                inc.forEach((path, delta) -> {
                    if (delta != 0) {
                        update.inc(path, delta);
                    }
                });
                if (!update.isEmpty()) {
                    held.moves.add(new BucketMark(period, bucketId, field, sequence, update.set(field, sequence)));
                }
            });
        }
        sendWhenTheBatchEnds(writes, held);
    }

    /** Sends the batch's bucket writes when it ends ({@link #send}); outside a batch, at once. */
    private void sendWhenTheBatchEnds(ViewWrites writes, HeldBuckets held) {
        if (!held.sending) {
            held.sending = true;
            writes.beforeFlush(() -> send(writes, held));
        }
    }

    /**
     * One event's update of one bucket (or, with no update, its mark's removal), held until the marks of the batch's
     * buckets have been read. {@code mark} is the field the update sets, a processor's or a retry's.
     */
    private record BucketMark(RiskPeriod period, String bucketId, String mark, long sequence, MergedUpdate update) {

        String key() {
            return key(period, bucketId, mark);
        }

        /** The same bucket's mark of the same incident or case, set by the other kind of unit of work. */
        String twinKey() {
            return key(period, bucketId, twin(mark));
        }

        String bucketKey() {
            return period + " " + bucketId;
        }

        /** One bucket's one mark, as the batch's reads and writes of marks name it. */
        static String key(RiskPeriod period, String bucketId, String mark) {
            return period + " " + bucketId + " " + mark;
        }
    }

    /** A batch's bucket updates and settled marks, and the marks as read before any of them is sent. */
    private static final class HeldBuckets {
        final List<BucketMark> moves = new ArrayList<>();
        final List<BucketMark> settles = new ArrayList<>();
        final Map<String, Long> marksRead = new HashMap<>();
        final Set<String> read = new HashSet<>();
        boolean sending;
    }

    /**
     * The marks a segment's batches settled, in the order they were settled, each removed in a later batch of the same
     * segment that updates its bucket anyway, in that same update, rather than in an update of its own right after
     * its batch's states (docs/benchmarks.md, session 16). A mark waits at most {@link #HELD_BATCHES} of the
     * segment's batches that write buckets, and about {@link #HELD_MARKS} wait at most (a batch's own are added
     * after the check); past either, it is removed in an update of its own, in the buckets step of the batch that
     * finds it so.
     * <p>
     * A held mark is removed only if, read when the batch ends, it is at or below the sequence the incident's (or
     * case's) state records now: the mark then refuses nothing the state does not refuse already. Reading the state,
     * and not trusting the held sequence alone, keeps that true when the state has gone back since (the view was
     * replayed, on this instance or another, and a replay batch died between its buckets and its states); the mark
     * must also be at or below the held sequence, which the state check makes redundant and is kept as a second
     * guard. A mark above either was set by a later event; its own settling removes it, unless that settling was held
     * by another instance or under another mask, when the mark stays, refusing nothing. The one
     * writer of a processor's marks of an incident is the thread handling the incident's segment; a dead letter's
     * retry writes marks of its own ({@link #retryMark}), which no held removal touches. The marks are held per
     * segment id and mask: when a batch comes with the same id and another mask (a split or a merge), the marks held
     * under the old mask are forgotten, as incidents they name may now be another segment's.
     * <p>
     * The cost: a mark stays in its bucket for up to eight batches, and a service stopped, a segment given up or a
     * mask changed leaves the marks it held in the buckets. Each refuses nothing a later event brings; it goes if its
     * incident moves that bucket again, and otherwise stays. A reset on this instance forgets them with the buckets; a
     * reset on another leaves them here, and the state check keeps them from removing a replay's marks.
     */
    private static final class HeldMarks {
        private final Segment segment;
        private final int heldMarksAtMost;
        private final Map<String, Held> marks = new LinkedHashMap<>();
        private long batches;

        HeldMarks(Segment segment, int heldMarksAtMost) {
            this.segment = segment;
            this.heldMarksAtMost = heldMarksAtMost;
        }

        private record Held(BucketMark mark, long batch) {
        }

        /**
         * The held marks the batch removes in its buckets step: of each bucket it updates, and those past the held
         * limits; none the batch sets again on the same bucket.
         */
        synchronized List<BucketMark> due(HeldBuckets held) {
            Set<String> bucketsMoved = new HashSet<>();
            Set<String> marksMoved = new HashSet<>();
            for (BucketMark move : held.moves) {
                bucketsMoved.add(move.bucketKey());
                marksMoved.add(move.key());
            }
            List<BucketMark> due = new ArrayList<>();
            int over = marks.size() - heldMarksAtMost;
            for (Held entry : marks.values()) {
                BucketMark mark = entry.mark();
                if (!marksMoved.contains(mark.key()) && (bucketsMoved.contains(mark.bucketKey())
                        || batches - entry.batch() >= HELD_BATCHES || over > 0)) {
                    due.add(mark);
                }
                over--;
            }
            return due;
        }

        /**
         * Once the batch's writes are all acknowledged: forgets the marks it removed (or found it must not), and those
         * it set again (its own settling holds them at a later event), and holds those it settled.
         */
        synchronized void afterBatch(HeldBuckets held, List<BucketMark> due) {
            due.forEach(mark -> marks.remove(mark.key()));
            held.moves.forEach(move -> marks.remove(move.key()));
            for (BucketMark settle : held.settles) {
                Held before = marks.remove(settle.key());
                marks.put(settle.key(), before == null || before.mark().sequence() < settle.sequence()
                        ? new Held(settle, batches) : before);
            }
            batches++;
        }
    }

    /**
     * Reads the marks of every bucket the batch moves or settles, once per period (those not read yet), into
     * {@code held}: every mark a bucket holds, by its value, so that a mark not read is a mark the bucket does not
     * have. One query per period, each bucket's marks whole ({@code a}): naming each mark wanted made the store and
     * the reader match hundreds of names against every bucket (docs/benchmarks.md, session 16).
     */
    private void readMarks(HeldBuckets held, List<BucketMark> of) {
        for (RiskPeriod period : RiskPeriod.values()) {
            Set<String> bucketIds = new HashSet<>();
            for (BucketMark bucketMark : of) {
                if (bucketMark.period() == period && held.read.add(bucketMark.bucketKey())) {
                    bucketIds.add(bucketMark.bucketId());
                }
            }
            if (bucketIds.isEmpty()) {
                continue;
            }
            for (Document bucket : buckets.get(period).find(Filters.in("_id", bucketIds))
                    .projection(Projections.include(MARKS))) {
                if (bucket.get(MARKS) instanceof Document marks) {
                    marks.forEach((name, value) -> {
                        if (value instanceof Number taken) {
                            held.marksRead.put(BucketMark.key(period, bucket.getString("_id"), MARKS + "." + name),
                                    taken.longValue());
                        }
                    });
                }
            }
        }
    }

    /**
     * Sends, in order, each held update its bucket does not refuse (for either mark of its incident or case): the
     * marks read once per period. In a processor's batch, the marks the batch settles are held for a later batch
     * ({@link HeldMarks}), and the segment's held marks that are due are removed in the same step as the updates, so
     * that a bucket the batch updates loses them in that one update. Otherwise the settled marks are removed once the
     * states are written.
     */
    private void send(ViewWrites writes, HeldBuckets held) {
        Segment segment = writes.segment();
        HeldMarks heldMarks = segment == null ? null : heldBySegment.compute(segment.getSegmentId(),
                (id, before) -> before == null || !before.segment.equals(segment)
                        ? new HeldMarks(segment, heldMarksAtMost) : before);
        List<BucketMark> due = heldMarks == null ? List.of() : heldMarks.due(held);
        List<BucketMark> read = new ArrayList<>(held.moves);
        read.addAll(heldMarks == null ? held.settles : due);
        readMarks(held, read);
        for (BucketMark move : held.moves) {
            Long taken = held.marksRead.get(move.key());
            Long takenByTwin = held.marksRead.get(move.twinKey());
            if ((taken == null || taken < move.sequence()) && (takenByTwin == null || takenByTwin < move.sequence())) {
                writes.updateById(BUCKETS_STEP, buckets.get(move.period()), move.bucketId(), move.update(), true);
            }
        }
        if (heldMarks == null) {
            removeSettled(writes, held, held.settles);
            return;
        }
        Map<String, Long> states = statesOf(due);
        for (BucketMark mark : due) {
            Long carried = held.marksRead.get(mark.key());
            Long state = states.get(mark.mark());
            if (carried != null && carried <= mark.sequence() && state != null && carried <= state) {
                writes.updateById(BUCKETS_STEP, buckets.get(mark.period()), mark.bucketId(),
                        new MergedUpdate().unset(mark.mark()), false);
            }
        }
        writes.afterFlush(() -> heldMarks.afterBatch(held, due));
    }

    /** The sequence each mark's incident or case state records now, by mark; none for a mark without a state. */
    private Map<String, Long> statesOf(List<BucketMark> marks) {
        Set<String> incidentIds = new HashSet<>();
        Set<String> caseIds = new HashSet<>();
        for (BucketMark mark : marks) {
            String named = mark.mark().substring(MARKS.length() + 1);
            String id = new String(HexFormat.of().parseHex(named.substring(1)), StandardCharsets.UTF_8);
            (named.charAt(0) == 'i' ? incidentIds : caseIds).add(id);
        }
        Map<String, Long> states = new HashMap<>();
        readStates(incidents, incidentIds, RiskBuckets::incidentMark, states);
        readStates(cases, caseIds, RiskBuckets::caseMark, states);
        return states;
    }

    private static void readStates(MongoCollection<Document> collection, Set<String> ids,
                                   Function<String, String> markOf, Map<String, Long> states) {
        if (ids.isEmpty()) {
            return;
        }
        for (Document state : collection.find(Filters.in("_id", ids)).projection(Projections.include("sequence"))) {
            if (state.get("sequence") instanceof Number sequence) {
                states.put(markOf.apply(state.getString("_id")), sequence.longValue());
            }
        }
    }

    /**
     * Records that the incident's or case's state has recorded the event {@code sequence} and every earlier one, so
     * that none of the marks {@link #move} left on these buckets at or below it is needed any more, whichever event
     * set it. In a processor's batch they are removed in a later batch ({@link HeldMarks}); otherwise once the states
     * are written. A mark above it stays: a batch that died after its bucket updates and before its states may have
     * left a bucket marked with a later event than a shorter batch handing the same events again has reached, and
     * that mark must still refuse the later event when it comes.
     */
    void settle(String mark, long sequence, BucketContribution before, BucketContribution after) {
        ViewWrites writes = ViewWrites.current();
        HeldBuckets held = held(writes);
        String field = writes.segment() == null ? retryMark(mark) : mark;
        for (RiskPeriod period : RiskPeriod.values()) {
            for (String bucketId : changes(period, before, after).keySet()) {
                held.settles.add(new BucketMark(period, bucketId, field, sequence, null));
            }
        }
        sendWhenTheBatchEnds(writes, held);
    }

    /**
     * Removes, once the states are written, each of these marks its incident's (or case's) state now covers: unless
     * the mark read is above the last event settled. The batch's own updates need no look: one it sent found the
     * mark below its event, which is at or below the last settled, and set the mark to it. Outside a batch the marks
     * are read after the update and the state were sent, and say the same.
     */
    private void removeSettled(ViewWrites writes, HeldBuckets held, List<BucketMark> settled) {
        Map<String, BucketMark> highest = new LinkedHashMap<>();
        for (BucketMark settle : settled) {
            highest.merge(settle.key(), settle, (a, b) -> a.sequence() >= b.sequence() ? a : b);
        }
        for (BucketMark settle : highest.values()) {
            Long carried = held.marksRead.get(settle.key());
            if (carried == null || carried <= settle.sequence()) {
                writes.updateById(SETTLE_STEP, buckets.get(settle.period()), settle.bucketId(),
                        new MergedUpdate().unset(settle.mark()), false);
            }
        }
    }

    private static Map<String, Map<String, Long>> changes(RiskPeriod period, BucketContribution before,
                                                         BucketContribution after) {
        Map<String, Map<String, Long>> deltas = new LinkedHashMap<>();
        add(deltas, period, before, -1);
        add(deltas, period, after, 1);
        return deltas;
    }

    /** The field marking a bucket with an incident's last event; the id hex-encoded to be a safe field name. */
    static String incidentMark(String incidentId) {
        return MARKS + ".i" + HexFormat.of().formatHex(incidentId.getBytes(StandardCharsets.UTF_8));
    }

    /** The field marking a bucket with a missing-person case's report, apart from any incident's. */
    static String caseMark(String caseId) {
        return MARKS + ".c" + HexFormat.of().formatHex(caseId.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The mark a unit of work that is not a processor's batch (a dead letter's retry) sets for the incident or case
     * that {@code mark} names: {@code a.ri<hex>} for {@code a.i<hex>}, {@code a.rc<hex>} for {@code a.c<hex>}.
     */
    static String retryMark(String mark) {
        return MARKS + ".r" + mark.substring(MARKS.length() + 1);
    }

    /** The processor's mark for a retry's, the retry's for a processor's. */
    private static String twin(String mark) {
        String named = mark.substring(MARKS.length() + 1);
        return named.charAt(0) == 'r' ? MARKS + "." + named.substring(1) : retryMark(mark);
    }

    private static void add(Map<String, Map<String, Long>> deltas, RiskPeriod period, BucketContribution c,
                            int sign) {
        if (c == null) {
            return;
        }
        Map<String, Long> inc = deltas.computeIfAbsent(period.bucketId(c.routeId(), c.segmentKey(), c.day()),
                id -> new LinkedHashMap<>());
        c.increments().forEach((path, value) -> inc.merge(path, sign * value, Long::sum));
    }

    /**
     * The bucket documents of a route with these first days, by segment and first day, each with only the fields
     * {@code fields} names given the organisations with counts on the route (their keys): a reader asks for what it
     * may count, so the store neither encodes nor sends the rest. A projection naming the fields to keep costs the
     * embedded store little; one leaving fields out copies the rest, and took twice as long as sending them all
     * (docs/benchmarks.md). They are decoded by {@code leaves}, into what the reader may count and nothing else.
     */
    Map<String, Map<String, List<BucketBytes.Leaf>>> read(RiskPeriod period, String routeId, List<String> firstDays,
                                                          Function<Set<String>, List<String>> fields,
                                                          BucketBytes leaves) {
        Document listed = routeSegments.find(Filters.eq("_id", routeId)).first();
        Document segments = listed == null ? null : listed.get(SEGMENTS, Document.class);
        Document organisations = listed == null ? null : listed.get(ORGANISATIONS, Document.class);
        if (segments == null || organisations == null) {
            return Map.of();
        }
        List<String> wanted = fields.apply(organisations.keySet());
        if (wanted.isEmpty()) {
            return Map.of();
        }
        Map<String, String[]> segmentAndDayById = new HashMap<>();
        for (String segmentHex : segments.keySet()) {
            String segmentKey = new String(HexFormat.of().parseHex(segmentHex), StandardCharsets.UTF_8);
            for (String day : firstDays) {
                segmentAndDayById.put(period.bucketId(routeId, segmentKey, LocalDate.parse(day)),
                        new String[] {segmentKey, day});
            }
        }
        Map<String, Map<String, List<BucketBytes.Leaf>>> bySegment = new LinkedHashMap<>();
        MongoCollection<Document> collection = buckets.get(period);
        for (BucketBytes.Bucket bucket : collection.withDocumentClass(BucketBytes.Bucket.class)
                .withCodecRegistry(CodecRegistries.fromRegistries(CodecRegistries.fromCodecs(leaves),
                        collection.getCodecRegistry()))
                .find(Filters.in("_id", segmentAndDayById.keySet())).projection(Projections.include(wanted))) {
            String[] segmentAndDay = segmentAndDayById.get(bucket.id());
            bySegment.computeIfAbsent(segmentAndDay[0], s -> new LinkedHashMap<>()).put(segmentAndDay[1],
                    bucket.leaves());
        }
        return bySegment;
    }

    /**
     * Whether the store holds buckets {@link RiskLayoutUpgrade} must replay away: in the collections of an older
     * layout, or without this build's layout mark ({@link #LAYOUT}) and not empty (totals weighed by other
     * severities); or whether a replay into this layout was asked for and may not have been set going (its reset may
     * have emptied the buckets, and the store died before the tokens said replay).
     */
    boolean holdOlderLayout() {
        if (database.listCollectionNames().into(new ArrayList<>()).stream().anyMatch(OLDER_LAYOUT::contains)) {
            return true;
        }
        Document mark = layout.find(Filters.eq("_id", LAYOUT_ID)).first();
        Object marked = mark == null ? null : mark.get(LAYOUT_FIELDS);
        if (REPLAY_PENDING.equals(marked)) {
            return true;
        }
        if (currentLayout().equals(marked)) {
            return false;
        }
        return buckets.values().stream().anyMatch(collection -> collection.find().limit(1).first() != null);
    }

    /**
     * Records, before a replay's reset empties the buckets, that they are to be replayed into this build's layout,
     * until {@link #markLayout} once the replay is set going.
     */
    void markReplayPending() {
        markLayoutAs(REPLAY_PENDING);
    }

    /** Marks the buckets as written in this build's layout, once they are empty or set to be replayed into it. */
    void markLayout() {
        markLayoutAs(currentLayout());
    }

    private void markLayoutAs(String name) {
        layout.replaceOne(Filters.eq("_id", LAYOUT_ID), new Document("_id", LAYOUT_ID).append(LAYOUT_FIELDS, name),
                new ReplaceOptions().upsert(true));
    }

    /** This build's layout: what the buckets hold, and the weights their totals were summed with. */
    private static String currentLayout() {
        return "segments; totals per organisation and sharing key; organisations per route; short counter names; "
                + "weights " + RiskIndex.weights();
    }

    /** Drops the older layout's collections, once the processor is set to replay into this one. */
    void dropOlderLayout() {
        OLDER_LAYOUT.forEach(name -> database.getCollection(name).drop());
    }

    void deleteAll() {
        heldBySegment.clear();
        buckets.values().forEach(collection -> collection.deleteMany(new Document()));
        incidents.deleteMany(new Document());
        cases.deleteMany(new Document());
        routeSegments.deleteMany(new Document());
    }

    private static String hex(String segmentKey) {
        return HexFormat.of().formatHex(segmentKey.getBytes(StandardCharsets.UTF_8));
    }
}
