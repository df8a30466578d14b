package org.travesia.query.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.ConflictException;
import org.travesia.kernel.common.SharingLevel;
import org.travesia.platform.privacy.DataSubject;
import org.travesia.platform.privacy.PersonalDataCipher;
import org.travesia.platform.privacy.SubjectOpener;
import org.travesia.query.incident.api.IncidentReads;
import org.travesia.query.incident.api.IncidentSelection;
import org.travesia.query.incident.api.IncidentSnapshot;
import org.travesia.query.incident.api.IncidentState;
import org.travesia.query.incident.api.SnapshotPin;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

/**
 * The incident feature's published reads, served from its read model with the reader's scope
 * ({@link IncidentReadScope}, consent of the selection's reach included) in every query.
 */
@Component
class MongoIncidentReads implements IncidentReads {

    private static final String NOW = "";
    private static final String THEN = IncidentHistoryDocument.STATE_PREFIX;
    private static final Duration CATCH_UP_LOOK = Duration.ofMillis(50);
    private static final String REBUILDING = "snapshot.read-model-rebuilding";

    private final IncidentReadModel readModel;
    private final PersonalDataCipher cipher;
    private final AppliedPositions appliedPositions;
    private final ProjectionProgress progress;
    private final int batchSize;
    private final int maxChanged;
    private final Duration catchUpWait;

    MongoIncidentReads(IncidentReadModel readModel, PersonalDataCipher cipher, AppliedPositions appliedPositions,
                       ProjectionProgress progress,
                       @Value("${travesia.snapshot.batch-size:1000}") int batchSize,
                       @Value("${travesia.snapshot.max-changed:100000}") int maxChanged,
                       @Value("${travesia.snapshot.catch-up-wait:2s}") Duration catchUpWait) {
        this.readModel = readModel;
        this.cipher = cipher;
        this.appliedPositions = appliedPositions;
        this.progress = progress;
        this.batchSize = batchSize;
        this.maxChanged = maxChanged;
        this.catchUpWait = catchUpWait;
    }

    @Override
    public Optional<IncidentState> find(Actor reader, String incidentId) {
        return readModel.find(incidentId, reader)
                .map(incident -> opened(List.of(incident)).get(0));
    }

    /**
     * Waits up to {@code catchUpWait} for a replay that emptied the read model to run from its replay tokens, and then as
     * long for the projection to reach the store's last event, so that an export started right after a write (and its
     * projection) holds it; a projection further behind is pinned where it is. The generation is read first: a replay
     * begun after it is noticed by the snapshot.
     */
    @Override
    public SnapshotPin pin() {
        long deadline = System.nanoTime() + catchUpWait.toNanos();
        IncidentReadModel.Generation generation = readModel.generation();
        try {
            while (generation.rebuilding() && appliedPositions.eventHead() > 0) {
                if (appliedPositions.replaying()) {
                    // The replay's tokens are stored: they say how far it has got, and the pin follows them.
                    readModel.replayStarted();
                    break;
                }
                if (System.nanoTime() >= deadline) {
                    throw new ConflictException(REBUILDING);
                }
                progress.awaitChange(lookFor(deadline));
                generation = readModel.generation();
            }
            long head = appliedPositions.eventHead();
            long applied = appliedPositions.appliedUpTo();
            deadline = System.nanoTime() + catchUpWait.toNanos();
            while (applied < head && System.nanoTime() < deadline) {
                // A token moves once its batch is handled, just after the event that woke us: look again soon.
                progress.awaitChange(lookFor(deadline));
                applied = appliedPositions.appliedUpTo();
            }
            return new SnapshotPin(applied, generation.number());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while pinning a snapshot", e);
        }
    }

    private static Duration lookFor(long deadline) {
        return Duration.ofMillis(Math.min(CATCH_UP_LOOK.toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
    }

    @Override
    public void ensureSettledSince(SnapshotPin pin) {
        IncidentReadModel.Generation generation = readModel.generation();
        if (generation.number() != pin.generation() || generation.rebuilding() || appliedPositions.replaying()) {
            throw new ConflictException(REBUILDING);
        }
    }

    /**
     * One pass over what the reader may see that the search matches: the rows (carrying the consent of the selection
     * and its reach) and, when the selection requires a consent, those withheld for lacking it, which are counted as
     * the rows are read ({@link IncidentSnapshot#withheld}) rather than by a pass of their own before the first row.
     */
    @Override
    public IncidentSnapshot snapshot(Actor reader, IncidentSelection selection, SnapshotPin pin) {
        Bson given = Filters.and(IncidentReadScope.of(reader, selection.reach(), NOW),
                IncidentFilters.of(selection, NOW),
                ConsentFilter.of(selection.consent(), reader, NOW));
        Predicate<Document> givenThen = state -> IncidentReadScope.allows(reader, selection.reach(), state)
                && IncidentFilters.matches(selection, state)
                && ConsentFilter.carries(selection.consent(), reader, state);
        if (selection.required().isNone()) {
            return new OpenedSnapshot(reader, selection, new PinnedIncidents(readModel, appliedPositions, pin,
                    given, givenThen, null, batchSize, maxChanged), givenThen, state -> false);
        }
        Bson lacking = Filters.and(IncidentReadScope.withholdable(reader, selection.reach(), NOW),
                IncidentFilters.of(selection, NOW), ConsentFilter.lacking(selection.required(), reader, NOW));
        Predicate<Document> lackingThen = state -> IncidentReadScope.withholdable(reader, selection.reach(), state)
                && IncidentFilters.matches(selection, state)
                && !ConsentFilter.carries(selection.required(), reader, state);
        return new OpenedSnapshot(reader, selection, new PinnedIncidents(readModel, appliedPositions, pin,
                Filters.or(given, lacking), givenThen.or(lackingThen), null, batchSize, maxChanged), givenThen,
                lackingThen);
    }

    /** What becomes of an incident given as it was at the pin, changed since: given, withheld, or gone from view. */
    private enum Now { GIVEN, WITHHELD, GONE }

    /**
     * Whether an incident changed since the pin is still shared with the reader and the selection's audience, with
     * the consent it needs, now: as for an as-of read, a report withdrawn from an audience, or whose consent was
     * withdrawn, while an export runs is not given to that audience as it was (the search and the statuses are
     * matched on the state at the pin). One still shared but lacking the consent now is withheld.
     */
    private Now now(Actor reader, IncidentSelection selection, String incidentId) {
        Optional<Document> shared = readModel.find(incidentId, reader)
                .filter(now -> IncidentReadScope.withholdable(reader, selection.reach(), now)
                        && (selection.sharing().isEmpty() || selection.sharing().stream().map(SharingLevel::name)
                                .anyMatch(level -> level.equals(now.getString(IncidentDocument.SHARING)))));
        if (shared.isEmpty()) {
            return Now.GONE;
        }
        Document now = shared.get();
        if (IncidentReadScope.allows(reader, selection.reach(), now)
                && ConsentFilter.carries(selection.consent(), reader, now)) {
            return Now.GIVEN;
        }
        return ConsentFilter.carries(selection.required(), reader, now) ? Now.GONE : Now.WITHHELD;
    }

    @Override
    public List<IncidentState> asOf(Actor reader, IncidentSelection selection, Instant asOf) {
        Date instant = Date.from(asOf);
        Map<String, String> entries = readModel.entriesAsOf(ids(now(reader, selection, true)), instant);
        return opened(readModel.states(entries.values(), instant, then(reader, selection, true)));
    }

    @Override
    public long countAsOfCandidates(Actor reader, IncidentSelection selection) {
        return readModel.count(now(reader, selection, false));
    }

    /** Of the states {@link #asOf} would give without the consent, those lacking it now or then. */
    @Override
    public long countWithoutConsentAsOf(Actor reader, IncidentSelection selection, Instant asOf) {
        Date instant = Date.from(asOf);
        Map<String, String> entries = readModel.entriesAsOf(ids(now(reader, selection, false)), instant);
        Set<String> consentingNow = new HashSet<>(ids(now(reader, selection, true)));
        List<String> ofConsentingNow = entries.entrySet().stream().filter(e -> consentingNow.contains(e.getKey()))
                .map(Map.Entry::getValue).toList();
        return readModel.countStates(entries.values(), instant, then(reader, selection, false))
                - readModel.countStates(ofConsentingNow, instant, then(reader, selection, true));
    }

    /**
     * Incidents shared now with the reader and with the selection's audience and, if {@code withConsent}, carrying
     * now the consent of the selection and its reach.
     */
    private static Bson now(Actor reader, IncidentSelection selection, boolean withConsent) {
        if (!withConsent) {
            return Filters.and(IncidentReadScope.withholdable(reader, selection.reach(), NOW),
                    sharedWithAudience(selection, NOW));
        }
        return Filters.and(IncidentReadScope.of(reader, selection.reach(), NOW), sharedWithAudience(selection, NOW),
                ConsentFilter.of(selection.consent(), reader, NOW));
    }

    /**
     * States then that match the selection, were shared then with the reader's organisation and, if
     * {@code withConsent}, carried then the consent of the selection and its reach.
     */
    private static Bson then(Actor reader, IncidentSelection selection, boolean withConsent) {
        if (!withConsent) {
            return Filters.and(IncidentFilters.of(selection, THEN),
                    PastStateVisibility.withholdableThen(reader, selection.reach()));
        }
        return Filters.and(IncidentFilters.of(selection, THEN),
                PastStateVisibility.sharedThen(reader, selection.reach()),
                ConsentFilter.of(selection.consent(), reader, THEN));
    }

    private List<String> ids(Bson filter) {
        List<String> ids = new ArrayList<>();
        for (Document incident : readModel.matching(filter).projection(Projections.include(IncidentDocument.ID))) {
            ids.add(incident.getString(IncidentDocument.ID));
        }
        return ids;
    }

    private static Bson sharedWithAudience(IncidentSelection selection, String prefix) {
        return selection.sharing().isEmpty() ? Filters.empty()
                : Filters.in(prefix + IncidentDocument.SHARING, selection.sharing().stream().map(SharingLevel::name).toList());
    }

    /**
     * A snapshot's states with their free text opened, a batch at a time (one key lookup per batch), and those
     * withheld counted, not opened.
     */
    private final class OpenedSnapshot implements IncidentSnapshot {

        private final Actor reader;
        private final IncidentSelection selection;
        private final PinnedIncidents pinned;
        private final Predicate<Document> givenThen;
        private final Predicate<Document> lackingThen;
        private final ArrayDeque<IncidentState> batch = new ArrayDeque<>();
        private volatile long withheld;

        OpenedSnapshot(Actor reader, IncidentSelection selection, PinnedIncidents pinned,
                       Predicate<Document> givenThen, Predicate<Document> lackingThen) {
            this.reader = reader;
            this.selection = selection;
            this.pinned = pinned;
            this.givenThen = givenThen;
            this.lackingThen = lackingThen;
        }

        @Override
        public boolean hasNext() {
            while (batch.isEmpty() && pinned.hasNext()) {
                List<Document> documents = new ArrayList<>();
                for (int left = pinned.readyInBatch(); left > 0; left--) {
                    Document state = pinned.next();
                    if (given(state)) {
                        documents.add(state);
                    }
                }
                // The batch's changed rows were just looked up as they are now: not in a read model being replayed.
                pinned.ensureNotRebuilt();
                batch.addAll(opened(documents));
            }
            return !batch.isEmpty();
        }

        /** Whether the state is given; one left out for lacking the consent is counted. */
        private boolean given(Document state) {
            boolean changed = pinned.changedSincePin(state);
            if (givenThen.test(state)) {
                Now now = changed ? now(reader, selection, state.getString(IncidentDocument.ID)) : Now.GIVEN;
                if (now == Now.WITHHELD) {
                    withheld++;
                }
                return now == Now.GIVEN;
            }
            // One changed since is counted only if the reader may still see it: the count never tells of a report
            // the reader may no longer read.
            if (lackingThen.test(state)
                    && (!changed || now(reader, selection, state.getString(IncidentDocument.ID)) != Now.GONE)) {
                withheld++;
            }
            return false;
        }

        @Override
        public IncidentState next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return batch.poll();
        }

        @Override
        public long withheld() {
            return withheld;
        }

        @Override
        public void close() {
            pinned.close();
        }
    }

    /** The states with their free text opened, in memory; what was shredded is listed as redacted. */
    private List<IncidentState> opened(List<Document> incidents) {
        SubjectOpener opener = cipher.openerFor(incidents.stream()
                .map(incident -> DataSubject.incident(incident.getString(IncidentDocument.ID))).toList());
        List<IncidentState> states = new ArrayList<>();
        for (Document incident : incidents) {
            states.add(IncidentDocument.state(incident, opener));
        }
        return states;
    }
}
