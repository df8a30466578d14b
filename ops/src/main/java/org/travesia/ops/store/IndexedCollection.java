package org.travesia.ops.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The H2 backend's collection, serving queries from its secondary indexes ({@link SecondaryIndex}) where one fits
 * ({@link IndexPlan}): it fetches the documents of an index range, or walks an index in the query's sort order and
 * stops once skip and limit are served. Every fetched document still goes through the query's matcher: the index
 * narrows and orders, it never decides a match. Without a fitting index (or when a unique index answers, as before)
 * the query runs as mongo-java-server runs it: every document matched, then sorted; except documents asked for by
 * {@code _id} strings alone, which the {@code _id} index's lookup decides ({@link #isLookupOfIdStrings}).
 */
final class IndexedCollection extends de.bwaldvogel.mongo.backend.h2.H2Collection {

    private static final String ID = "_id";

    private final MVMap<Object, Document> documents;
    private final MVMap<String, Object> meta;

    IndexedCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                      MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, documents, meta, cursorRegistry);
        this.documents = documents;
        this.meta = meta;
    }

    MVMap<Object, Document> documents() {
        return documents;
    }

    MVMap<String, Object> meta() {
        return meta;
    }

    /** Where the H2 backend keeps a document: under its id. */
    Object positionOf(Document document) {
        return Missing.ofNullable(Utils.getSubdocumentValue(document, getIdField()));
    }

    SecondaryIndex secondaryIndex(String name) {
        for (Index<Object> index : getIndexes()) {
            if (index instanceof SecondaryIndex secondary && secondary.getName().equals(name)) {
                return secondary;
            }
        }
        return null;
    }

    /** A secondary index is built (if it needs to be) and added in one hold of the lock every write takes. */
    @Override
    public synchronized void addIndex(Index<Object> index) {
        if (index instanceof SecondaryIndex secondary && secondaryIndex(secondary.getName()) == null) {
            secondary.buildUnlessComplete();
        }
        super.addIndex(index);
    }

    /** Queries must not see the list of indexes change under them. */
    @Override
    public synchronized void dropIndex(String indexName) {
        super.dropIndex(indexName);
    }

    /**
     * mongo-java-server counts without the lock its finds take. A count served from an index must not run beside a
     * write: it could meet an entry whose document a delete has just removed.
     */
    @Override
    public synchronized int count(Document query, int skip, int limit) {
        return super.count(query, skip, limit);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        for (Index<Object> index : getIndexes()) {
            if (index.isUnique() && index.canHandle(query)) {
                // mongo-java-server gives a document once per key of an $in that it holds (a commit once per position
                // asked for): MongoDB gives it once, and readers of big commits got replies past the driver's limit.
                Set<Object> positions = new LinkedHashSet<>();
                index.getPositions(query).forEach(positions::add);
                Document matcher = isLookupOfIdStrings(query) ? new Document() : query;
                return matchDocuments(matcher, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
        }
        IndexPlan plan = planFor(query, orderBy, numberToSkip, limit);
        if (plan == null) {
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        if (plan.ordered()) {
            return matchDocumentsFromStream(query, fetch(plan.positions()), numberToSkip, limit, batchSize, null,
                    fieldSelector);
        }
        Iterator<Object> positions = plan.positions();
        if (orderBy == null || orderBy.isEmpty()) {
            // No sort asked: the order a full scan gives (the documents map's), as before there were indexes.
            List<Object> inMapOrder = new ArrayList<>();
            positions.forEachRemaining(inMapOrder::add);
            inMapOrder.sort(documents.getKeyType()::compare);
            positions = inMapOrder.iterator();
        }
        return matchDocumentsFromStream(fetch(positions), query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /**
     * Whether the query asks for documents by {@code _id} strings and nothing else ({@code {_id: "a"}} or
     * {@code {_id: {$in: ["a", "b"]}}}): the {@code _id} index's lookup of each string then decides the match, since a
     * string key equals only the same string, and matching every document found against the {@code $in} again, which
     * mongo-java-server does value by value, only costs. A read of 530 risk buckets by id spent 40% of the store's time
     * there (docs/benchmarks.md). Any other value (a number, a regular expression, a document) is matched as before.
     */
    private boolean isLookupOfIdStrings(Document query) {
        if (query.size() != 1 || !ID.equals(getIdField())) {
            return false;
        }
        Object value = query.get(ID);
        if (value instanceof String) {
            return true;
        }
        if (value instanceof Document operators && operators.size() == 1
                && operators.get("$in") instanceof Collection<?> ids && !ids.isEmpty()) {
            return ids.stream().allMatch(String.class::isInstance);
        }
        return false;
    }

    /** The index plan for a query, or null for a scan; package-private for tests that check an index is used. */
    IndexPlan planFor(Document query, Document orderBy, int skip, int limit) {
        if (!ID.equals(getIdField())) {
            return null;
        }
        for (Index<Object> index : getIndexes()) {
            if (index.isUnique() && index.canHandle(query)) {
                return null;
            }
        }
        List<SecondaryIndex> secondary = new ArrayList<>();
        for (Index<Object> index : getIndexes()) {
            if (index instanceof SecondaryIndex candidate) {
                secondary.add(candidate);
            }
        }
        QueryShape shape = secondary.isEmpty() ? null : QueryShape.of(query, orderBy);
        return shape == null ? null : IndexPlan.choose(secondary, shape, skip, limit, documents.sizeAsLong());
    }

    /** The documents at those positions, lazily: a walk that has served its limit reads no further. */
    private Stream<Document> fetch(Iterator<Object> positions) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(positions, Spliterator.ORDERED), false)
                .map(this::documentAt);
    }

    private Document documentAt(Object position) {
        Document document = documents.get(position);
        if (document == null) {
            // Index and documents change together under this collection's lock: this would be a broken index, and a
            // query that skipped it could silently leave out a document.
            throw new IllegalStateException("An index of " + getFullName() + " holds a document it does not have");
        }
        return document;
    }
}
