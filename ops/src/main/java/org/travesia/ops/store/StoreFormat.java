package org.travesia.ops.store;

import java.util.List;
import java.util.Map;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.backend.KeyValue;

/**
 * Brings a store file written by mongo-java-server's stock H2 backend (store version 0), or by this store before it
 * kept secondary indexes (version 1), up to this store's format (version 2).
 * <p>
 * From version 0: documents need nothing: {@link BsonDocumentType} reads the old ones as they are. Unique indexes are
 * sorted differently now ({@link KeyValueType}), so each is copied into a new map in the new order, which then takes
 * the old one's place. The old maps are dropped and the version set in the same single commit, so a crash during
 * the upgrade leaves the old file as it was, and the next start does it again.
 * <p>
 * From version 1: nothing to copy. The secondary indexes such a file lacks are built as their collections are opened
 * ({@link SecondaryIndex}). The version is raised so that an older Travesía refuses the file: it would ignore those
 * indexes, and writes it made would leave them disagreeing with their documents.
 */
final class StoreFormat {

    static final int CURRENT = 2;

    private static final Logger log = LoggerFactory.getLogger(StoreFormat.class);
    private static final String UPGRADING_PREFIX = "upgrading.";
    private static final int ENTRIES_PER_COMMIT = 50_000;

    private StoreFormat() {
    }

    static void upgrade(MVStore store) {
        int version = store.getStoreVersion();
        if (version > CURRENT) {
            throw new IllegalStateException("The store file has format " + version + ", newer than this store ("
                    + CURRENT + "): use the version of Travesía that wrote it");
        }
        if (version == CURRENT) {
            return;
        }
        if (version == 0) {
            sortUniqueIndexesByValue(store);
        }
        store.setStoreVersion(CURRENT);
        store.commit();
        store.sync();
    }

    private static void sortUniqueIndexesByValue(MVStore store) {
        List<String> indexes = store.getMapNames().stream().filter(StoreMaps::isIndexMap).sorted().toList();
        // Left over from an upgrade that a crash interrupted: never committed as the real thing, start again.
        store.getMapNames().stream().filter(name -> name.startsWith(UPGRADING_PREFIX)).toList()
                .forEach(name -> store.removeMap(name));
        if (!indexes.isEmpty()) {
            log.info("Upgrading the store file's {} unique indexes to format {}", indexes.size(), CURRENT);
        }
        for (String index : indexes) {
            copyInNewOrder(store, index);
        }
        for (String index : indexes) {
            store.removeMap(index);
            store.renameMap(store.openMap(UPGRADING_PREFIX + index), index);
        }
    }

    /** Intermediate commits bound the memory; what they hold is invisible until the final commit renames it. */
    private static void copyInNewOrder(MVStore store, String index) {
        MVMap<KeyValue, Object> old = store.openMap(index);
        MVMap<KeyValue, Object> upgraded = StoreMaps.openIndex(store, UPGRADING_PREFIX + index);
        int copied = 0;
        for (Map.Entry<KeyValue, Object> entry : old.entrySet()) {
            upgraded.put(entry.getKey(), entry.getValue());
            if (++copied % ENTRIES_PER_COMMIT == 0) {
                store.commit();
            }
        }
    }
}
