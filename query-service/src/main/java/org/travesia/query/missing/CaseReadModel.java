package org.travesia.query.missing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import org.travesia.platform.viewwrites.ViewWrites;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

/**
 * The missing-person read models: {@code missing_persons} (one document per case, its current state) and
 * {@code missing_person_history} (one per event: who, when, which event, and its payload, personal fields sealed as
 * recorded). Applied as the incident read model is: by {@code _id}, once per event, in each case's sequence, a
 * processed batch's writes sent when it ends, history before state ({@link ViewWrites}).
 */
@Component
class CaseReadModel {

    static final String CASES = "missing_persons";
    static final String HISTORY = "missing_person_history";
    /** The steps of a batch's writes: history before state ({@link ViewWrites}). */
    private static final int HISTORY_STEP = 0;
    private static final int STATE_STEP = 1;

    private final MongoCollection<Document> cases;
    private final MongoCollection<Document> history;

    CaseReadModel(MongoDatabase travesiaDatabase) {
        this.cases = travesiaDatabase.getCollection(CASES);
        this.history = travesiaDatabase.getCollection(HISTORY);
        ensureIndexes();
    }

    /** Served by MongoDB; the embedded server accepts and ignores non-unique indexes (it scans). Listed in the README. */
    private void ensureIndexes() {
        cases.createIndex(Indexes.ascending(CaseDocument.ORGANISATION, CaseDocument.SHARING),
                new IndexOptions().name("scope"));
        cases.createIndex(Indexes.ascending(CaseDocument.ROUTE, CaseDocument.SEGMENT, CaseDocument.LAST_SEEN_FROM),
                new IndexOptions().name("route_last_seen"));
        cases.createIndex(Indexes.ascending(CaseDocument.COUNTRY, CaseDocument.LAST_SEEN_FROM),
                new IndexOptions().name("country_last_seen"));
        cases.createIndex(Indexes.ascending(CaseDocument.STATUS, CaseDocument.LAST_SEEN_FROM),
                new IndexOptions().name("status_last_seen"));
        cases.createIndex(Indexes.ascending(CaseDocument.NAME_INDEX), new IndexOptions().name("name_index"));
        cases.createIndex(Indexes.descending(CaseDocument.LAST_SEEN_FROM, CaseDocument.ID),
                new IndexOptions().name("last_seen_sort"));
        history.createIndex(Indexes.ascending("caseId", "sequence"), new IndexOptions().name("case_sequence"));
    }

    /**
     * Applies event number {@code sequence} of a case, once: the next state from the current one (null for a new
     * case), the history entry, then the state.
     */
    void apply(String caseId, long sequence, UnaryOperator<Document> change, BiConsumer<Document, Document> record) {
        ViewWrites writes = ViewWrites.current();
        Map<String, Document> written = writes.local(this, HashMap::new);
        Document current = written.containsKey(caseId) ? written.get(caseId)
                : writes.storedById(cases, caseId, sequence, CaseDocument.VERSION);
        long version = current == null ? -1 : current.getLong(CaseDocument.VERSION);
        if (sequence <= version) {
            return;
        }
        if (sequence != version + 1) {
            throw new IllegalStateException("Case " + caseId + " is at version " + version + " and cannot apply event "
                    + sequence + " before the ones in between");
        }
        Document next = change.apply(current == null ? new Document(CaseDocument.ID, caseId) : new Document(current));
        next.put(CaseDocument.VERSION, sequence);
        record.accept(current, next);
        writes.upsert(STATE_STEP, cases, next);
        written.put(caseId, ViewWrites.asStored(cases, next));
    }

    /** Adds an entry unless the event's is there already (written before a crash that kept the state from being). */
    void addHistory(Document entry) {
        ViewWrites.current().insertUnlessPresent(HISTORY_STEP, history, entry);
    }

    Optional<Document> find(String caseId, Bson scope) {
        return Optional.ofNullable(cases.find(Filters.and(Filters.eq(CaseDocument.ID, caseId), scope)).first());
    }

    FindIterable<Document> search(Bson filter, Bson sort, int limit) {
        return cases.find(filter).sort(sort).limit(limit);
    }

    FindIterable<Document> matching(Bson filter) {
        return cases.find(filter);
    }

    List<Document> history(String caseId) {
        return history.find(Filters.eq("caseId", caseId)).sort(Sorts.ascending("sequence"))
                .into(new ArrayList<>());
    }

    void deleteAll() {
        history.deleteMany(new Document());
        cases.deleteMany(new Document());
    }
}
