package org.travesia.ops.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import io.netty.channel.Channel;

/**
 * mongo-java-server's H2 backend, made crash-safe and cheaper to write:
 * <ul>
 * <li>every command that may write is acknowledged only once a commit holding it has been forced to disk, and every
 * commit is one consistent state of the whole store ({@link GroupCommit}); MVStore's own background commit, which
 * would persist half-captured states on a timer, is switched off;</li>
 * <li>a command whose write concern says {@code j: false} is acknowledged once applied, as MongoDB does: the
 * commit of any write that starts after it holds it ({@link GroupCommit#writeWithoutWaiting});</li>
 * <li>a read-only command holds the version it reads until it is done ({@link #holdingItsVersion}), however long
 * it takes;</li>
 * <li>documents are kept as BSON and unique index keys compare by value ({@link StoreMaps}), instead of going through
 * Java serialization.</li>
 * </ul>
 * Two commands of its own, for operators: {@value #BACKUP_COMMAND} copies the store, online, into
 * {@value #BACKUP_DIRECTORY}/ next to its file ({@link StoreSnapshot}); and {@code dbStats} also answers the size of
 * the filesystem under the file and how much of it is used ({@code fsTotalSize}, {@code fsUsedSize}), as MongoDB
 * does.
 */
public final class DurableH2Backend extends H2Backend {

    public static final String BACKUP_COMMAND = "travesiaBackup";
    public static final String BACKUP_DIRECTORY = "backups";

    private final Path file;
    private final GroupCommit groupCommit;

    private DurableH2Backend(Path file, MVStore store, Consumer<MVStore> forceToDisk) {
        super(store);
        this.file = file;
        this.groupCommit = new GroupCommit(store, () -> forceToDisk.accept(store), GroupCommit.UNJOURNALED_INTERVAL);
    }

    /** Opens (or creates) the store in {@code file}, upgrading a file the stock H2 backend wrote. */
    public static DurableH2Backend open(Path file) {
        return open(file, MVStore::sync);
    }

    /** As {@link #open(Path)}, forcing each commit to the disk with {@code forceToDisk}: tests hold the disk. */
    static DurableH2Backend open(Path file, Consumer<MVStore> forceToDisk) {
        MVStore store = openWithoutAutoCommit(file);
        try {
            StoreFormat.upgrade(store);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return new DurableH2Backend(file, store, forceToDisk);
    }

    /**
     * MVStore keeps chunks it no longer needs for this long before reusing their space. Its default (45 s) is there
     * because it never forces the disk itself; here every commit is forced before the next one starts, so a few
     * seconds only serve readers still on an older version, while commits come by the hundred per second and each
     * retained second costs megabytes of file.
     */
    private static final int RETENTION_MILLIS = 2_000;

    /** The file, with MVStore's own commits switched off: only the group commit may commit. */
    static MVStore openWithoutAutoCommit(Path file) {
        MVStore store = new MVStore.Builder()
                .fileName(file.toString())
                // Neither on a timer nor when unsaved pages pile up in memory (a buffer size of 0 turns that off).
                .autoCommitDisabled()
                .autoCommitBufferSize(0)
                .open();
        store.setRetentionTime(RETENTION_MILLIS);
        return store;
    }

    /**
     * Runs a read on the version it starts on, and keeps that version's chunks until it ends. MVStore drops a chunk
     * once nothing live is left in it, it is older than the retention time and no version still in use needs it; a
     * read it was not told about is not "in use", so a read longer than {@value #RETENTION_MILLIS} ms under commits
     * (idle processors renew their claims several times a second) failed with {@code Chunk … not found}. Writes need
     * none of this: they run under the group commit's shared lock, so no commit happens while they read. (Every
     * cursor here is a list filled within its command, so a command is the whole of a read.)
     */
    static <T> T holdingItsVersion(MVStore store, Supplier<T> read) {
        MVStore.TxCounter version = store.registerVersionUsage();
        try {
            return read.get();
        } finally {
            store.deregisterVersionUsage(version);
        }
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (command.equalsIgnoreCase(BACKUP_COMMAND)) {
            return backup();
        }
        if (ReadOnlyCommands.isReadOnly(command, query)) {
            Document answer = holdingItsVersion(getMvStore(),
                    () -> super.handleCommand(channel, database, command, query));
            if (command.toLowerCase(Locale.ROOT).equals("dbstats")) {
                addFilesystem(answer);
            }
            return answer;
        }
        if (WriteConcerns.waivesTheJournal(query)) {
            return groupCommit.writeWithoutWaiting(() -> super.handleCommand(channel, database, command, query));
        }
        return groupCommit.write(() -> super.handleCommand(channel, database, command, query));
    }

    /** One at a time: each switches MVStore's space reuse off and back on. */
    private synchronized Document backup() {
        StoreSnapshot.Taken backup = StoreSnapshot.take(getMvStore(), groupCommit,
                file.toAbsolutePath().getParent().resolve(BACKUP_DIRECTORY), Clock.systemUTC(), RETENTION_MILLIS);
        Document answer = new Document("file", backup.file().toString())
                .append("bytes", backup.bytes())
                .append("writesHeldMillis", backup.writesHeldNanos() / 1_000_000.0);
        answer.put("ok", 1.0);
        return answer;
    }

    private void addFilesystem(Document stats) {
        try {
            java.nio.file.FileStore filesystem = Files.getFileStore(file);
            stats.put("fsTotalSize", filesystem.getTotalSpace());
            stats.put("fsUsedSize", filesystem.getTotalSpace() - filesystem.getUsableSpace());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the filesystem under " + file, e);
        }
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        if (StoreMaps.isReservedDatabaseName(databaseName)) {
            throw new MongoServerError(73, "InvalidNamespace", "The embedded store reserves the database name '"
                    + databaseName + "'");
        }
        return new TypedDatabase(databaseName);
    }

    /** Called once the server has stopped taking commands: commits what is left, then closes the file. */
    @Override
    public void close() {
        groupCommit.close();
        super.close();
    }

    /**
     * Opens each collection's and unique index's map with this store's data types before the H2 backend opens it by
     * name and finds it open. An inner class because the H2 backend opens the existing ones from its constructor,
     * before a field of a subclass could be set; the enclosing backend is there already.
     */
    private final class TypedDatabase extends H2Database {

        TypedDatabase(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            return new IndexedCollection(this, collectionName, options,
                    StoreMaps.openDocuments(getMvStore(), StoreMaps.documentsMapName(namespace)),
                    StoreMaps.openMeta(getMvStore(), StoreMaps.metaMapName(namespace)), getCursorRegistry());
        }

        /**
         * mongo-java-server ignores non-unique indexes; this store keeps them ({@link SecondaryIndex}). The same
         * name again (every service declares its indexes at each start) gets the index already there.
         */
        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                           boolean sparse) {
            IndexedCollection collection = (IndexedCollection) resolveCollection(collectionName, true);
            SecondaryIndex existing = collection.secondaryIndex(indexName);
            if (existing != null) {
                if (!SecondaryIndex.describe(existing.getKeys(), false).equals(SecondaryIndex.describe(keys, false))) {
                    throw new MongoServerError(86, "IndexKeySpecsConflict", "An index named '" + indexName
                            + "' already exists on " + collection.getFullName() + " with other keys");
                }
                return existing;
            }
            return SecondaryIndex.open(getMvStore(), StoreMaps.indexMapName(collection.getFullName(), indexName),
                    collection, indexName, keys, sparse);
        }

        /**
         * The H2 backend means to rename a collection's maps, but looks them up by the collection's name after the
         * collection has taken its new one: it renames nothing, and the live collection goes on writing to the maps
         * under the old name, which the next start does not open (the documents seemed lost). Here the documents,
         * counters and every index move to the new name first; the H2 backend then finds them there.
         */
        @Override
        public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
            String from = collection.getFullName();
            String to = getFullCollectionNamespace(newCollectionName);
            List<String[]> renames = new java.util.ArrayList<>();
            renames.add(new String[] {StoreMaps.documentsMapName(from), StoreMaps.documentsMapName(to)});
            renames.add(new String[] {StoreMaps.metaMapName(from), StoreMaps.metaMapName(to)});
            for (Index<?> index : collection.getIndexes()) {
                renames.add(new String[] {StoreMaps.indexMapName(from, index.getName()),
                        StoreMaps.indexMapName(to, index.getName())});
            }
            MVStore store = getMvStore();
            // Maps left under the new name by a rename before this fix hold no documents of a live collection.
            if (store.hasMap(StoreMaps.documentsMapName(to))
                    && !StoreMaps.openDocuments(store, StoreMaps.documentsMapName(to)).isEmpty()) {
                throw new MongoServerError(48, "NamespaceExists", "The store still holds documents under " + to);
            }
            for (String[] rename : renames) {
                if (store.hasMap(rename[0])) {
                    if (store.hasMap(rename[1])) {
                        store.removeMap(rename[1]);
                    }
                    store.renameMap(store.openMap(rename[0]), rename[1]);
                }
            }
            super.moveCollection(oldDatabase, collection, newCollectionName);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            StoreMaps.openIndex(getMvStore(), StoreMaps.indexMapName(getFullCollectionNamespace(collectionName), indexName));
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }
    }
}
