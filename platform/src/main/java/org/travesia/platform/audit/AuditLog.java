package org.travesia.platform.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
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
import com.mongodb.client.model.Sorts;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The append-only record of who read restricted reports, who exported what, and who replayed, paused or resumed an
 * event processor or retried or evicted its parked events: who, when, which request, how many records, and which.
 * It is written before the data is answered (or the action taken), with the event store's durability (majority
 * write concern), and if it cannot be written the request fails: an unrecorded read of a protection report must not
 * happen.
 * Nothing in Travesía updates or deletes an entry.
 */
public class AuditLog {

    public static final String COLLECTION = "audit_log";
    /** At most this many record ids are kept per entry; the count is always exact. */
    public static final int MAX_IDS = 500;
    /** Query parameters whose values are personal data, and what the trail keeps of them. */
    static final Set<String> PERSONAL_PARAMETERS = Set.of("name", "yearOfBirth");
    static final String WITHHELD = "(withheld)";

    public enum Action {
        READ,
        EXPORT,
        /** An operator's action on an event processor ({@code /api/v1/admin/processors}). */
        PROCESSOR_REPLAY,
        PROCESSOR_PAUSE,
        PROCESSOR_RESUME,
        DEAD_LETTER_RETRY,
        DEAD_LETTER_EVICTION
    }

    private final MongoCollection<Document> entries;
    private final Clock clock;

    public AuditLog(MongoDatabase database, WriteConcern writeConcern, Clock clock) {
        this.entries = database.getCollection(COLLECTION).withWriteConcern(writeConcern);
        this.clock = clock;
        entries.createIndex(Indexes.descending("at", "_id"), new IndexOptions().name("newest_first"));
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
        HttpServletRequest request = currentRequest();
        Document entry = new Document("_id", UUID.randomUUID().toString())
                .append("at", Date.from(clock.instant()))
                .append("user", actor.user())
                .append("organisation", actor.organisation())
                .append("roles", actor.roles().stream().map(Enum::name).sorted().toList())
                .append("action", action.name())
                .append("resource", resource)
                .append("method", request == null ? null : request.getMethod())
                .append("path", request == null ? null : request.getRequestURI())
                .append("query", request == null ? null : withoutPersonalValues(request.getQueryString()))
                .append("records", recordIds.size())
                .append("recordIds", recordIds.size() > MAX_IDS ? recordIds.subList(0, MAX_IDS) : recordIds)
                .append("correlationId", request == null ? null : CorrelationIdFilter.of(request));
        if (details != null) {
            entry.append("details", new Document(details));
        }
        entries.insertOne(entry);
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
