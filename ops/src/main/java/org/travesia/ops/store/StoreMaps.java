package org.travesia.ops.store;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The MVStore maps behind a database, named as mongo-java-server's H2 backend names them, opened with the data types
 * this store writes: {@link BsonDocumentType} for a collection's documents, {@link KeyValueType} for a unique index's
 * keys and {@link PositionType} for its values, {@link IndexEntryType} for a secondary index's entries. The backend
 * then finds them already open and uses them as they are.
 * <p>
 * A map's kind follows from its name: {@code databases.<db>.<collection>} holds documents,
 * {@code meta.<db>.<collection>} a collection's counters, {@code <db>.<collection>._index_<name>} an index (unique or secondary). A database
 * called {@code databases} or {@code meta} would make those names ambiguous, so the store refuses to create one.
 */
final class StoreMaps {

    private static final String DOCUMENTS_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";
    private static final String INDEX_INFIX = "._index_";

    private StoreMaps() {
    }

    static boolean isReservedDatabaseName(String database) {
        return (database + ".").equals(DOCUMENTS_PREFIX) || (database + ".").equals(META_PREFIX);
    }

    static String documentsMapName(String namespace) {
        return DOCUMENTS_PREFIX + namespace;
    }

    static String metaMapName(String namespace) {
        return META_PREFIX + namespace;
    }

    static String indexMapName(String namespace, String indexName) {
        return namespace + INDEX_INFIX + indexName;
    }

    static boolean isIndexMap(String mapName) {
        return !mapName.startsWith(DOCUMENTS_PREFIX) && !mapName.startsWith(META_PREFIX) && mapName.contains(INDEX_INFIX);
    }

    /** A collection's documents, with a document type of their own: it estimates their size from them alone. */
    static MVMap<Object, Document> openDocuments(MVStore store, String mapName) {
        return store.openMap(mapName, new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType()));
    }

    /** A collection's counters, and its secondary indexes' marks: small values of any kind, as the H2 backend keeps. */
    static MVMap<String, Object> openMeta(MVStore store, String mapName) {
        return store.openMap(mapName);
    }

    static MVMap<KeyValue, Boolean> openSecondaryIndex(MVStore store, String mapName, IndexEntryType entryType) {
        return store.openMap(mapName, new MVMap.Builder<KeyValue, Boolean>().keyType(entryType));
    }

    static MVMap<KeyValue, Object> openIndex(MVStore store, String mapName) {
        return store.openMap(mapName, new MVMap.Builder<KeyValue, Object>().keyType(KeyValueType.INSTANCE)
                .valueType(PositionType.INSTANCE));
    }
}
