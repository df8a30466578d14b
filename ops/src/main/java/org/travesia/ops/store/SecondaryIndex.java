package org.travesia.ops.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A non-unique index, kept in a map of the store itself, so that every commit holds documents and their entries
 * together ({@link GroupCommit}). One entry per document (none, in a sparse index, for a document that has none of
 * the keys): its values for the keys and its position ({@link IndexEntryType}). Arrays are not split into their
 * elements: an entry holding one, or any other value the index cannot order ({@link IndexOrder#isRegular}), is
 * counted, and while the count is above zero the index serves no query ({@link #isUsable()}).
 * <p>
 * The collection's meta map says, per index, that its map is complete (the keys it was built for) and how many
 * irregular entries it holds; both are written in the same commits as the entries. An index not marked complete
 * for its keys, or (not sparse) whose entries are not one per document, is rebuilt from the documents when opened:
 * a store written before these indexes existed, or one whose index maps were changed behind its back.
 * <p>
 * It decides nothing about a query on its own: {@link IndexedCollection} asks it for a range or an order of
 * positions and then matches every document it fetches.
 */
final class SecondaryIndex extends Index<Object> {

    private static final Logger log = LoggerFactory.getLogger(SecondaryIndex.class);
    private static final String COMPLETE_PREFIX = "secondaryIndex.complete.";
    private static final String IRREGULAR_PREFIX = "secondaryIndex.irregular.";

    /** What an entry holds for a value the index cannot order: one document, which every commit can write. */
    private static final String ENTRY_FORM = "entries:2";
    private static final Document IRREGULAR = new Document("irregular", true);

    private final MVMap<KeyValue, Boolean> entries;
    private final IndexedCollection collection;
    private final String description;
    private long irregular;

    private SecondaryIndex(String name, List<IndexKey> keys, boolean sparse, MVMap<KeyValue, Boolean> entries,
                           IndexedCollection collection) {
        super(name, keys, sparse);
        this.entries = entries;
        this.collection = collection;
        this.description = describe(keys, sparse);
    }

    /** The key, in its collection's meta map, that marks the index complete. */
    static String completeMark(String indexName) {
        return COMPLETE_PREFIX + indexName;
    }

    /** Opens the index's map, as it is: {@link #buildUnlessComplete()} before the collection uses it. */
    static SecondaryIndex open(MVStore store, String mapName, IndexedCollection collection, String name,
                               List<IndexKey> keys, boolean sparse) {
        MVMap<KeyValue, Boolean> entries = StoreMaps.openSecondaryIndex(store, mapName, new IndexEntryType(keys));
        return new SecondaryIndex(name, keys, sparse, entries, collection);
    }

    /**
     * Builds the index from the collection's documents unless it is complete for these keys. The collection calls
     * this holding its lock, and adds the index to its own before letting go: a write that came in between would be
     * in neither the documents the build read nor the indexes the write updated.
     */
    void buildUnlessComplete() {
        if (isComplete()) {
            Object count = collection.meta().get(IRREGULAR_PREFIX + getName());
            irregular = count == null ? 0 : ((Number) count).longValue();
        } else {
            build();
        }
    }

    private boolean isComplete() {
        return description.equals(collection.meta().get(completeMark(getName())))
                && (isSparse() ? entries.sizeAsLong() <= collection.documents().sizeAsLong()
                        : entries.sizeAsLong() == collection.documents().sizeAsLong());
    }

    /**
     * Runs within one write (or before the store takes any), so no commit holds a part of it; the mark that it is
     * complete goes into the same commit as its last entry. A build a crash interrupted was never committed.
     */
    private void build() {
        long start = System.nanoTime();
        collection.meta().remove(completeMark(getName()));
        entries.clear();
        irregular = 0;
        collection.meta().put(IRREGULAR_PREFIX + getName(), 0L);
        for (Map.Entry<Object, Document> document : collection.documents().entrySet()) {
            add(document.getValue(), document.getKey(), collection);
        }
        collection.meta().put(completeMark(getName()), description);
        log.info("Built index {} of {} ({} entries, {} it cannot order) in {} ms", getName(), collection.getFullName(),
                entries.sizeAsLong(), irregular, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * The keys in order with their directions, whether sparse, and the form of the entries: what the index was built
     * for. Entries of the first form held values the index cannot order as they were, so an index built then is
     * built again.
     */
    static String describe(List<IndexKey> keys, boolean sparse) {
        return keys.stream().map(key -> key.getKey() + ":" + (key.isAscending() ? 1 : -1))
                .collect(Collectors.joining(",", "{", "}")) + (sparse ? " sparse" : "") + " " + ENTRY_FORM;
    }

    MVMap<KeyValue, Boolean> entries() {
        return entries;
    }

    /** A sparse index has no entry for a document without any of its keys. */
    boolean leavesOutDocumentsWithoutKeys() {
        return isSparse();
    }

    /** Whether every entry can be trusted for ranges and order: no document holds an array or an irregular value. */
    boolean isUsable() {
        return irregular == 0;
    }

    /**
     * The document's entry, or null for a document a sparse index leaves out. A value the index cannot order is held
     * as {@link #IRREGULAR}: such an entry only needs to be found again and counted, and the value itself may be one
     * no commit could write (an array on a dotted path holds {@code Missing} for its elements without the field, and
     * a failed commit stops the store).
     */
    private KeyValue entryOf(Document document, Object position) {
        List<Object> values = new ArrayList<>(getKeys().size() + 1);
        boolean any = false;
        for (IndexKey key : getKeys()) {
            Object value = Utils.getSubdocumentValueCollectionAware(document, key.getKey());
            any |= !(value instanceof Missing);
            values.add(IndexOrder.isRegular(value) ? value : IRREGULAR);
        }
        if (isSparse() && !any) {
            return null;
        }
        values.add(position);
        return new KeyValue(values);
    }

    private boolean isIrregular(KeyValue entry) {
        for (int i = 0; i < getKeys().size(); i++) {
            if (entry.get(i) == IRREGULAR) {
                return true;
            }
        }
        return false;
    }

    private void countIrregular(int delta) {
        irregular += delta;
        collection.meta().put(IRREGULAR_PREFIX + getName(), irregular);
    }

    @Override
    public Object getPosition(Document document) {
        // Many documents share a key: the unique _id index answers this.
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // Not unique: nothing to refuse.
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        // The H2 backend hands over the id as the document holds it, and keeps the document under Missing for null.
        KeyValue entry = entryOf(document, Missing.ofNullable(position));
        if (entry != null && entries.put(entry, Boolean.TRUE) == null && isIrregular(entry)) {
            countIrregular(1);
        }
    }

    @Override
    public synchronized Object remove(Document document) {
        Object position = collection.positionOf(document);
        return removeEntry(document, position) ? position : null;
    }

    private boolean removeEntry(Document document, Object position) {
        KeyValue entry = entryOf(document, position);
        if (entry == null || entries.remove(entry) == null) {
            return false;
        }
        if (isIrregular(entry)) {
            countIrregular(-1);
        }
        return true;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // Not unique: nothing to refuse.
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
                                           MongoCollection<Object> collection) {
        KeyValue before = entryOf(oldDocument, position);
        KeyValue after = entryOf(newDocument, position);
        if (before == null ? after == null : before.equals(after)) {
            return;
        }
        if (before != null && !removeEntry(oldDocument, position)) {
            throw new IllegalStateException("Index " + getName() + " of " + collection.getFullName()
                    + " had no entry for a document being updated");
        }
        add(newDocument, position, collection);
    }

    @Override
    public boolean canHandle(Document query) {
        // mongo-java-server's own lookup is for unique indexes; IndexedCollection plans its queries on this one.
        return false;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        throw new UnsupportedOperationException("A secondary index is read through IndexedCollection");
    }

    @Override
    public long getCount() {
        return entries.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    /** The map itself is removed by the database; its marks go with it. */
    @Override
    public void drop() {
        collection.meta().remove(completeMark(getName()));
        collection.meta().remove(IRREGULAR_PREFIX + getName());
    }
}
