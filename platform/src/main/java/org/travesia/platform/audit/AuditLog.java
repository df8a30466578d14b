package org.travesia.platform.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.travesia.kernel.common.Actor;
import org.travesia.platform.web.CorrelationIdFilter;
import org.travesia.platform.web.PageCursor;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The append-only record of who read restricted reports, who exported what, and who replayed, paused or resumed an
 * event processor or retried or evicted its parked events: who, when, which request, how many records, and which.
 * It is written before the data is answered (or the action taken), with the event store's durability (majority
 * write concern), and if it cannot be written the request fails: an unrecorded read of a protection report must not
 * happen.
 * <p>
 * Every record id is kept, however many: an entry holds its ids itself up to {@link #chunkSize()}, and beyond that
 * they go to {@value #RECORDS}, a chunk of ids per document naming its entry, so that {@link #containing} finds every
 * entry that gave a record, an export of a million rows included. A streamed export opens its entry before the first
 * byte ({@link #begin}), adds its ids a chunk at a time before the rows holding them are sent, and closes with a
 * second entry ({@link Trail#finish}) saying how it ended.
 * Nothing in Travesía updates or deletes an entry, or a chunk.
 */
public class AuditLog {

    public static final String COLLECTION = "audit_log";
    /** The record ids of entries with more than a chunk of them, a chunk per document. */
    public static final String RECORDS = "audit_records";
    /** Query parameters whose values are personal data, and what the trail keeps of them. */
    static final Set<String> PERSONAL_PARAMETERS = Set.of("name", "yearOfBirth");
    static final String WITHHELD = "(withheld)";

    public enum Action {
        READ,
        EXPORT,
        /** How an export ended: completed or cut off, with how many rows and which bytes were sent. */
        EXPORT_FINISHED,
        /** An operator's action on an event processor ({@code /api/v1/admin/processors}). */
        PROCESSOR_REPLAY,
        PROCESSOR_PAUSE,
        PROCESSOR_RESUME,
        DEAD_LETTER_RETRY,
        DEAD_LETTER_EVICTION
    }

    private final MongoCollection<Document> entries;
    private final MongoCollection<Document> chunks;
    private final Clock clock;
    private final int chunkSize;

    public AuditLog(MongoDatabase database, WriteConcern writeConcern, Clock clock, int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("An audit chunk holds at least one record id");
        }
        this.entries = database.getCollection(COLLECTION).withWriteConcern(writeConcern);
        this.chunks = database.getCollection(RECORDS).withWriteConcern(writeConcern);
        this.clock = clock;
        this.chunkSize = chunkSize;
        entries.createIndex(Indexes.descending("at", "_id"), new IndexOptions().name("newest_first"));
        chunks.createIndex(Indexes.ascending("recordIds"), new IndexOptions().name("record"));
        entries.createIndex(Indexes.ascending("details.entry"), new IndexOptions().name("ending_of").sparse(true));
    }

    /** How many record ids an entry, or one chunk of a longer list, holds. */
    public int chunkSize() {
        return chunkSize;
    }

    /** Records that {@code actor} received {@code recordIds} (restricted records only) through the current request. */
    public void record(Actor actor, Action action, String resource, List<String> recordIds) {
        record(actor, action, resource, recordIds, null);
    }

    /**
     * The same, with {@code details} the answer told the caller about itself (for an export, how many rows it
     * withheld and why), kept as {@code details}. Never personal data: counts, codes and names of rules only.
     */
    public void record(Actor actor, Action action, String resource, List<String> recordIds,
                       Map<String, Object> details) {
        String id = UUID.randomUUID().toString();
        boolean chunked = recordIds.size() > chunkSize;
        if (chunked) {
            new Trail(id, actor, resource).records(recordIds);
        }
        entries.insertOne(entry(id, actor, action, resource, details).append("records", recordIds.size())
                .append("recordIds", chunked ? List.of() : recordIds));
    }

    /**
     * Opens the entry of something whose records are given out over time (a streamed export): who, what and
     * {@code details} (its definition), before any record is. Its record ids follow through the trail.
     */
    public Trail begin(Actor actor, Action action, String resource, Map<String, Object> details) {
        String id = UUID.randomUUID().toString();
        entries.insertOne(entry(id, actor, action, resource, details).append("records", null)
                .append("recordIds", List.of()));
        return new Trail(id, actor, resource);
    }

    /**
     * Entries that gave out {@code recordId}: those holding it themselves, and those a chunk of whose ids holds it.
     * On MongoDB both are served by indexes; the embedded server scans the chunks.
     */
    public Bson containing(String recordId) {
        List<String> entryIds = new ArrayList<>();
        for (Document chunk : chunks.find(Filters.eq("recordIds", recordId)).projection(Projections.include("entry"))) {
            entryIds.add(chunk.getString("entry"));
        }
        return entryIds.isEmpty() ? Filters.eq("recordIds", recordId)
                : Filters.or(Filters.eq("recordIds", recordId), Filters.in("_id", entryIds));
    }

    /** The record ids of one entry, given out over time, and how it ended. */
    public final class Trail {

        private final String entryId;
        private final Actor actor;
        private final String resource;
        /** The request that opened it: the ending may be written after the request's thread has moved on. */
        private final Document request;
        private int chunk;

        private Trail(String entryId, Actor actor, String resource) {
            this.entryId = entryId;
            this.actor = actor;
            this.resource = resource;
            this.request = requestFields();
        }

        public String entryId() {
            return entryId;
        }

        /** Keeps these record ids, a chunk per document, before they are given out. */
        public void records(List<String> recordIds) {
            for (int from = 0; from < recordIds.size(); from += chunkSize) {
                List<String> ids = recordIds.subList(from, Math.min(recordIds.size(), from + chunkSize));
                chunks.insertOne(new Document("_id", entryId + "/" + chunk).append("entry", entryId)
                        .append("chunk", chunk).append("recordIds", ids));
                chunk++;
            }
        }

        /**
         * Records how it ended, as an entry of its own ({@code action}) pointing at the first through
         * {@code details.entry}; counts, digests and codes only.
         */
        public void finish(Action action, Map<String, Object> details) {
            Document ending = new Document(details).append("entry", entryId);
            entries.insertOne(entry(UUID.randomUUID().toString(), actor, action, resource, ending, request)
                    .append("records", null).append("recordIds", List.of()));
        }
    }

    private Document entry(String id, Actor actor, Action action, String resource, Map<String, Object> details) {
        return entry(id, actor, action, resource, details, requestFields());
    }

    private Document entry(String id, Actor actor, Action action, String resource, Map<String, Object> details,
                           Document request) {
        Document entry = new Document("_id", id)
                .append("at", Date.from(clock.instant()))
                .append("user", actor.user())
                .append("organisation", actor.organisation())
                .append("roles", actor.roles().stream().map(Enum::name).sorted().toList())
                .append("action", action.name())
                .append("resource", resource);
        entry.putAll(request);
        if (details != null) {
            entry.append("details", new Document(details));
        }
        return entry;
    }

    /** Which request: method, path, query (personal values withheld) and correlation id. */
    private static Document requestFields() {
        HttpServletRequest request = currentRequest();
        return new Document("method", request == null ? null : request.getMethod())
                .append("path", request == null ? null : request.getRequestURI())
                .append("query", request == null ? null : withoutPersonalValues(request.getQueryString()))
                .append("correlationId", request == null ? null : CorrelationIdFilter.of(request));
    }

    /**
     * The query string with the values of personal parameters (a name searched for through the blind index, a year of
     * birth) replaced, so that the trail of who searched never becomes a list of the people searched for.
     */
    static String withoutPersonalValues(String query) {
        if (query == null) {
            return null;
        }
        List<String> parameters = new ArrayList<>();
        for (String parameter : query.split("&")) {
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            parameters.add(PERSONAL_PARAMETERS.contains(name) ? name + "=" + WITHHELD : parameter);
        }
        return String.join("&", parameters);
    }

    /**
     * How the trail opened as {@code entryId} ended ({@code action}'s details), if it has ended and was opened by
     * {@code owner} (same user, same organisation): a caller's receipt of their own export.
     */
    public Optional<Document> ending(String entryId, Action action, Actor owner) {
        Document ending = entries.find(Filters.and(Filters.eq("details.entry", entryId),
                Filters.eq("action", action.name()), Filters.eq("user", owner.user()),
                Filters.eq("organisation", owner.organisation()))).first();
        return Optional.ofNullable(ending).map(entry -> entry.get("details", Document.class));
    }

    /** Entries matching {@code filter}, newest first, a page at a time ({@link PageCursor} on {@code at}). */
    public List<Document> page(Bson filter, PageCursor after, int limit) {
        Bson query = after == null ? filter : Filters.and(filter, after.after("at"));
        return entries.find(query).sort(Sorts.descending("at", "_id")).limit(limit).into(new ArrayList<>());
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest()
                : null;
    }
}
