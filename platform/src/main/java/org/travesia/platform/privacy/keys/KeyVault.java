package org.travesia.platform.privacy.keys;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.SecretKey;

import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

/**
 * The data keys, one per data subject, each stored wrapped by the master key in the key database, and the erasure
 * register, which says which keys were shredded.
 * <ul>
 * <li>A subject's key is a document {@code {_id: subject, generation, key, masterKey}}: one unique-index lookup finds
 * it. Shredding deletes it; a later key for the same subject (an incident's free text after a redaction) takes the
 * next generation, so a value sealed under a shredded generation never opens again.</li>
 * <li>The erasure register holds, per subject, the generations below which every key is shredded, and whether the
 * subject is erased for good (a missing person): then no key is ever made for it again. It holds subject ids and
 * times only. It is kept three times, in the key database, in the main database and in a journal file kept with the
 * master key ({@link ErasureJournal}), and written before the key is deleted: whatever a backup restores (one database,
 * or the whole embedded store file with both), another copy still says what was shredded, and {@link
 * #reapplyErasureRegister()} (run at every start) deletes the keys a restore brought back.</li>
 * </ul>
 * Nothing here caches an unwrapped key: each use reads the key's document, so a shredded key is gone for every
 * instance of every service the moment it is deleted.
 */
public final class KeyVault {

    public static final String DATA_KEYS = "data_keys";
    public static final String ERASURE_REGISTER = "erasure_register";
    public static final String STORE_IDENTITY = "store_identity";

    private static final Logger log = LoggerFactory.getLogger(KeyVault.class);

    private final MongoCollection<Document> keys;
    private final MongoCollection<Document> register;
    private final MongoCollection<Document> registerCopy;
    private final ErasureJournal journal;
    private final String storeId;
    private final boolean journalOfEveryStore;
    private final MasterKey master;
    private final Clock clock;

    /**
     * @param keyDatabase  where the wrapped keys and the first copy of the register live
     * @param mainDatabase where the events live, and the second copy of the register
     * @param journal      the third copy, a file kept with the master key and out of data backups
     */
    public KeyVault(MongoDatabase keyDatabase, MongoDatabase mainDatabase, WriteConcern writeConcern,
                    ErasureJournal journal, MasterKey master, Clock clock) {
        this.keys = keyDatabase.getCollection(DATA_KEYS).withWriteConcern(writeConcern);
        this.register = keyDatabase.getCollection(ERASURE_REGISTER).withWriteConcern(writeConcern);
        this.registerCopy = mainDatabase.getCollection(ERASURE_REGISTER).withWriteConcern(writeConcern);
        this.journal = journal;
        boolean identified = mainDatabase.getCollection(STORE_IDENTITY).countDocuments() > 0;
        this.storeId = storeId(mainDatabase);
        // A store that holds keys but no identity yet was made before identities were (or restored from a backup of
        // then): which store's lines concern it cannot be told, so it takes every line once. Ids are keyed digests and
        // random ids, never shared by two stores, so others' lines name nothing it holds.
        this.journalOfEveryStore = !identified && keys.countDocuments() > 0;
        this.master = master;
        this.clock = clock;
    }

    /** One subject's key, unwrapped, with its generation. */
    public record SubjectKey(String subject, int generation, SecretKey key) {
    }

    /** The subject's current key, made now if it has none. */
    public SubjectKey current(String subject) {
        Document stored = keys.find(Filters.eq("_id", subject)).first();
        if (stored != null) {
            return unwrap(stored);
        }
        Document registered = register.find(Filters.eq("_id", subject)).first();
        if (registered != null && registered.getBoolean("forever", false)) {
            throw new ErasedForeverException(subject);
        }
        int generation = registered == null ? 0 : registered.getInteger("shreddedBelow");
        SecretKey key = AesGcm.newKey();
        try {
            keys.insertOne(keyDocument(subject, generation, key));
            return new SubjectKey(subject, generation, key);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // Another command made the subject's first key at the same moment: both use that one.
            Document made = keys.find(Filters.eq("_id", subject)).first();
            if (made == null) {
                throw new IllegalStateException("The key of " + subject + " was made and shredded while in use");
            }
            return unwrap(made);
        }
    }

    /**
     * The current keys of these subjects, made now for those that have none, all in one write: what sealing for a
     * batch of new subjects (an MMP file's incidents) needs, where {@link #current} for each would cost one
     * acknowledged write and one read per subject. Subjects erased for good are left out ({@link #current} refuses
     * them, as ever); a key another command made meanwhile is read and answered instead of the one made here.
     */
    public Map<String, SubjectKey> currentAll(Collection<String> subjects) {
        List<String> distinct = subjects.stream().distinct().toList();
        Map<String, SubjectKey> current = new HashMap<>();
        if (distinct.isEmpty()) {
            return current;
        }
        keys.find(Filters.in("_id", distinct)).forEach(stored -> current.put(stored.getString("_id"), unwrap(stored)));
        List<String> missing = distinct.stream().filter(subject -> !current.containsKey(subject)).toList();
        if (missing.isEmpty()) {
            return current;
        }
        Map<String, Document> registered = new HashMap<>();
        register.find(Filters.in("_id", missing)).forEach(entry -> registered.put(entry.getString("_id"), entry));
        Map<String, SubjectKey> made = new HashMap<>();
        for (String subject : missing) {
            Document entry = registered.get(subject);
            if (entry == null || !entry.getBoolean("forever", false)) {
                made.put(subject, new SubjectKey(subject, entry == null ? 0 : entry.getInteger("shreddedBelow"),
                        AesGcm.newKey()));
            }
        }
        if (made.isEmpty()) {
            return current;
        }
        try {
            keys.insertMany(made.values().stream().map(key -> keyDocument(key.subject(), key.generation(), key.key()))
                    .toList(), new InsertManyOptions().ordered(false));
            current.putAll(made);
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().anyMatch(error -> error.getCategory() != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
            // Some were made by another command meanwhile: whatever is stored now is each one's key.
            keys.find(Filters.in("_id", made.keySet())).forEach(stored ->
                    current.put(stored.getString("_id"), unwrap(stored)));
        }
        return current;
    }

    private Document keyDocument(String subject, int generation, SecretKey key) {
        return new Document("_id", subject)
                .append("generation", generation)
                .append("key", new Binary(master.wrap(key, context(subject, generation))))
                .append("masterKey", master.id())
                .append("createdAt", Date.from(clock.instant()));
    }

    /** What opening values of these subjects needs: their keys now, and what the register says was shredded. */
    public KeyLookup lookup(Collection<String> subjects) {
        List<String> distinct = subjects.stream().distinct().toList();
        Map<String, SubjectKey> found = new HashMap<>();
        for (Document stored : keys.find(Filters.in("_id", distinct))) {
            SubjectKey key = unwrap(stored);
            found.put(key.subject(), key);
        }
        Map<String, Integer> shreddedBelow = new HashMap<>();
        for (Document entry : register.find(Filters.in("_id", distinct))) {
            shreddedBelow.put(entry.getString("_id"), entry.getBoolean("forever", false) ? Integer.MAX_VALUE
                    : entry.getInteger("shreddedBelow"));
        }
        return new KeyLookup(found, shreddedBelow);
    }

    /**
     * Shreds every key the subject has had: the register first (both copies), then the key. A crash in between leaves
     * the register saying so and the next start (or the same call again) deleting the key.
     *
     * @param forever no key may ever be made for this subject again (an erased person)
     */
    public void shred(String subject, boolean forever) {
        if (subject.startsWith(SystemKeys.SUBJECT_PREFIX)) {
            throw new IllegalArgumentException("System keys are never shredded");
        }
        Document stored = keys.find(Filters.eq("_id", subject)).first();
        Document entry = merged(subject, List.of(
                new Document("shreddedBelow", stored == null ? 0 : stored.getInteger("generation") + 1)
                        .append("forever", forever),
                orEmpty(register.find(Filters.eq("_id", subject)).first()),
                orEmpty(registerCopy.find(Filters.eq("_id", subject)).first())));
        journal.append(storeId, entry);
        register.replaceOne(Filters.eq("_id", subject), entry, new ReplaceOptions().upsert(true));
        registerCopy.replaceOne(Filters.eq("_id", subject), entry, new ReplaceOptions().upsert(true));
        deleteShredded(entry);
    }

    /**
     * Brings both copies of the register together and deletes every key they say was shredded. What a restore of
     * either database from a backup brought back is deleted here, before the service serves anything.
     *
     * @return how many keys were deleted
     */
    public long reapplyErasureRegister() {
        Map<String, List<Document>> bySubject = new LinkedHashMap<>();
        for (MongoCollection<Document> copy : List.of(register, registerCopy)) {
            for (Document entry : copy.find()) {
                bySubject.computeIfAbsent(entry.getString("_id"), subject -> new ArrayList<>()).add(entry);
            }
        }
        Map<String, Document> journalled = new HashMap<>();
        for (Document entry : journal.entries(journalOfEveryStore ? null : storeId)) {
            bySubject.computeIfAbsent(entry.getString("_id"), subject -> new ArrayList<>()).add(entry);
            journalled.merge(entry.getString("_id"), entry, (a, b) -> merged(a.getString("_id"), List.of(a, b)));
        }
        long deleted = 0;
        for (Map.Entry<String, List<Document>> subject : bySubject.entrySet()) {
            Document entry = merged(subject.getKey(), subject.getValue());
            Document known = journalled.get(subject.getKey());
            if (known == null || !sameShredding(known, entry)) {
                journal.append(storeId, entry); // made by another instance, or before the journal existed
            }
            for (MongoCollection<Document> copy : List.of(register, registerCopy)) {
                Document held = copy.find(Filters.eq("_id", subject.getKey())).first();
                if (held == null || !sameShredding(held, entry)) {
                    copy.replaceOne(Filters.eq("_id", subject.getKey()), entry, new ReplaceOptions().upsert(true));
                }
            }
            deleted += deleteShredded(entry);
        }
        if (deleted > 0) {
            log.warn("Deleted {} data keys that the erasure register says were shredded (restored from a backup?)",
                    deleted);
        }
        return deleted;
    }

    /**
     * Re-wraps every key that {@code previous} wrapped under the current master key, so that {@code previous} can be
     * destroyed. Safe to run from several instances at once: each key is replaced only while still wrapped by
     * {@code previous}.
     *
     * @return how many keys were re-wrapped here
     */
    public long rewrapFrom(MasterKey previous) {
        long rewrapped = 0;
        for (Document stored : keys.find(Filters.eq("masterKey", previous.id()))) {
            String subject = stored.getString("_id");
            int generation = stored.getInteger("generation");
            SecretKey key = previous.unwrap(stored.get("key", Binary.class).getData(), context(subject, generation));
            Document replacement = new Document(stored)
                    .append("key", new Binary(master.wrap(key, context(subject, generation))))
                    .append("masterKey", master.id());
            rewrapped += keys.replaceOne(Filters.and(Filters.eq("_id", subject),
                    Filters.eq("masterKey", previous.id())), replacement).getModifiedCount();
        }
        if (rewrapped > 0) {
            log.warn("Re-wrapped {} data keys from master key {} to {}; once both services have started, destroy the "
                    + "previous master key file and every copy of it", rewrapped, previous.id(), master.id());
        }
        return rewrapped;
    }

    /** Refuses a master key that did not wrap the stored keys: every key would fail to open, so nothing could be read. */
    public void requireKeysWrappedByTheMasterKey() {
        Document foreign = keys.find(Filters.ne("masterKey", master.id())).first();
        if (foreign != null) {
            throw new IllegalStateException("The data keys in this store are wrapped by master key "
                    + foreign.getString("masterKey") + ", but TRAVESIA_MASTER_KEY_FILE holds master key " + master.id()
                    + ". Point TRAVESIA_MASTER_KEY_FILE at the right key; to rotate, name the old one in "
                    + "TRAVESIA_PREVIOUS_MASTER_KEY_FILE");
        }
    }

    /**
     * The store's id, made on its first start: a backup restores it with the store, so the journal's lines of this
     * store apply to what the backup brings back, and never to another store that shares the key directory.
     */
    private static String storeId(MongoDatabase mainDatabase) {
        Document identity = mainDatabase.getCollection(STORE_IDENTITY).findOneAndUpdate(Filters.eq("_id", "store"),
                Updates.setOnInsert("id", UUID.randomUUID().toString()),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return identity.getString("id");
    }

    private long deleteShredded(Document entry) {
        int below = entry.getBoolean("forever", false) ? Integer.MAX_VALUE : entry.getInteger("shreddedBelow");
        return keys.deleteOne(Filters.and(Filters.eq("_id", entry.getString("_id")), Filters.lt("generation", below)))
                .getDeletedCount();
    }

    private Document merged(String subject, List<Document> entries) {
        int below = 0;
        boolean forever = false;
        for (Document entry : entries) {
            below = Math.max(below, entry.getInteger("shreddedBelow", 0));
            forever = forever || entry.getBoolean("forever", false);
        }
        return new Document("_id", subject).append("shreddedBelow", below).append("forever", forever)
                .append("at", Date.from(clock.instant()));
    }

    private static boolean sameShredding(Document a, Document b) {
        return a.getInteger("shreddedBelow", 0) == b.getInteger("shreddedBelow", 0)
                && a.getBoolean("forever", false) == b.getBoolean("forever", false);
    }

    private static Document orEmpty(Document document) {
        return document == null ? new Document() : document;
    }

    private SubjectKey unwrap(Document stored) {
        String subject = stored.getString("_id");
        int generation = stored.getInteger("generation");
        if (!master.id().equals(stored.getString("masterKey"))) {
            throw new IllegalStateException("The key of " + subject + " is wrapped by master key "
                    + stored.getString("masterKey") + ", not by " + master.id());
        }
        return new SubjectKey(subject, generation,
                master.unwrap(stored.get("key", Binary.class).getData(), context(subject, generation)));
    }

    private static String context(String subject, int generation) {
        return subject + "#" + generation;
    }

    /** The keys found for some subjects, and the register's word on what is shredded. */
    public record KeyLookup(Map<String, SubjectKey> keys, Map<String, Integer> shreddedBelow) {

        /** The key of this generation; null when it was shredded; an exception when it is gone without a record. */
        public SubjectKey key(String subject, int generation) {
            SubjectKey key = keys.get(subject);
            if (key != null && key.generation() == generation) {
                return key;
            }
            if (generation < shreddedBelow.getOrDefault(subject, 0)) {
                return null;
            }
            throw new MissingKeyException(subject, generation);
        }
    }
}
