package org.travesia.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.travesia.platform.privacy.keys.ErasedForeverException;
import org.travesia.platform.privacy.keys.KeyVault;
import org.travesia.platform.testing.TestPrivacy;

import com.mongodb.client.MongoCollection;

/**
 * A backup taken before an erasure holds the erased person's wrapped key. Restoring it brings the key back; the
 * erasure register, kept in both databases and in a journal file kept with the master key (never in a data backup),
 * deletes it again before anything is read.
 */
class ErasureRegisterTest {

    private static final DataSubject CASE = DataSubject.missingPerson("case-1");

    private final TestPrivacy privacy = TestPrivacy.inMemory();

    @AfterEach
    void close() {
        privacy.close();
    }

    @Test
    void aKeyRestoredFromABackupOfTheKeyDatabaseIsShreddedAgainAtStart() {
        String sealed = privacy.cipher().sealerFor(CASE).seal("person.fullName", "Rosa Ibarra");
        List<Document> keyBackup = copy(keys());
        privacy.cipher().eraseForever(CASE);

        restore(keys(), keyBackup);
        restore(privacy.keyDatabase().getCollection(KeyVault.ERASURE_REGISTER), List.of());
        assertThat(privacy.cipher().openerFor(CASE).text(CASE, "person.fullName", sealed))
                .as("the restored key would open it").isEqualTo("Rosa Ibarra");

        long deleted = privacy.vault().reapplyErasureRegister();

        assertThat(deleted).isEqualTo(1);
        assertThat(privacy.cipher().openerFor(CASE).open(CASE, "person.fullName", sealed).shredded()).isTrue();
        assertThat(privacy.keyDatabase().getCollection(KeyVault.ERASURE_REGISTER).countDocuments())
                .as("the key database's copy of the register is whole again").isEqualTo(1);
    }

    @Test
    void aMainDatabaseRestoredFromBeforeTheErasureGetsTheRegisterBackFromTheKeyDatabase() {
        privacy.cipher().sealerFor(CASE).seal("person.fullName", "Rosa Ibarra");
        privacy.cipher().eraseForever(CASE);
        restore(privacy.mongo().database().getCollection(KeyVault.ERASURE_REGISTER), List.of());

        privacy.vault().reapplyErasureRegister();

        assertThat(privacy.mongo().database().getCollection(KeyVault.ERASURE_REGISTER).countDocuments()).isEqualTo(1);
    }

    @Test
    void aWholeStoreRestoredFromBeforeTheErasureIsShreddedAgainFromTheJournalKeptWithTheMasterKey() {
        String sealed = privacy.cipher().sealerFor(CASE).seal("person.fullName", "Rosa Ibarra");
        List<Document> keyBackup = copy(keys());
        privacy.cipher().eraseForever(CASE);

        // The embedded default keeps both databases in one file: its backup restores both copies of the register.
        restoreWholeStoreFromBeforeTheErasure(keyBackup);

        long deleted = privacy.vault().reapplyErasureRegister();

        assertThat(deleted).isEqualTo(1);
        assertThat(privacy.cipher().openerFor(CASE).open(CASE, "person.fullName", sealed).shredded()).isTrue();
        assertThat(privacy.mongo().database().getCollection(KeyVault.ERASURE_REGISTER).countDocuments())
                .as("both copies of the register are whole again").isEqualTo(1);
        assertThatThrownBy(() -> privacy.cipher().sealerFor(CASE).seal("person.fullName", "Rosa Ibarra"))
                .as("erased for good: no new key").isInstanceOf(ErasedForeverException.class);
    }

    @Test
    void aStoreRestoredFromBeforeStoresHadAnIdentityStillMeetsTheJournal() {
        String sealed = privacy.cipher().sealerFor(CASE).seal("person.fullName", "Rosa Ibarra");
        List<Document> keyBackup = copy(keys());
        privacy.cipher().eraseForever(CASE);

        restoreWholeStoreFromBeforeTheErasure(keyBackup);
        restore(privacy.mongo().database().getCollection(KeyVault.STORE_IDENTITY), List.of());

        KeyVault started = privacy.vaultWith(privacy.masterKey()); // a start on the restored store

        assertThat(started.reapplyErasureRegister()).isEqualTo(1);
        assertThat(privacy.cipher().openerFor(CASE).open(CASE, "person.fullName", sealed).shredded()).isTrue();
    }

    @Test
    void aLineACrashCutShortNeitherStopsAStartNorSpoilsTheNextLine() throws Exception {
        Files.writeString(privacy.erasureJournal(), "{\"store\": \"x\", \"_id\": \"missing-per");
        String sealed = privacy.cipher().sealerFor(CASE).seal("person.fullName", "Rosa Ibarra");
        List<Document> keyBackup = copy(keys());
        privacy.cipher().eraseForever(CASE);
        restoreWholeStoreFromBeforeTheErasure(keyBackup);

        assertThat(privacy.vault().reapplyErasureRegister()).isEqualTo(1);
        assertThat(privacy.cipher().openerFor(CASE).open(CASE, "person.fullName", sealed).shredded()).isTrue();
    }

    @Test
    void theJournalHoldsSubjectIdsAndTimesOnly() throws Exception {
        privacy.cipher().sealerFor(CASE).seal("person.fullName", "Rosa Ibarra");
        privacy.cipher().eraseForever(CASE);

        String journal = Files.readString(privacy.erasureJournal());
        assertThat(journal).contains(CASE.key()).doesNotContain("Rosa").doesNotContain("fullName");
        assertThat(journal.lines()).hasSize(1);
    }

    @Test
    void theRegisterHoldsSubjectIdsAndTimesOnly() {
        privacy.cipher().sealerFor(CASE).seal("person.fullName", "Rosa Ibarra");
        privacy.cipher().eraseForever(CASE);

        Document entry = privacy.keyDatabase().getCollection(KeyVault.ERASURE_REGISTER).find().first();

        assertThat(entry.keySet()).containsExactlyInAnyOrder("_id", "shreddedBelow", "forever", "at");
        assertThat(entry.getString("_id")).isEqualTo(CASE.key());
    }

    /** What restoring the embedded store's one file from before the erasure does: keys back, both registers empty. */
    private void restoreWholeStoreFromBeforeTheErasure(List<Document> keyBackup) {
        restore(keys(), keyBackup);
        restore(privacy.keyDatabase().getCollection(KeyVault.ERASURE_REGISTER), List.of());
        restore(privacy.mongo().database().getCollection(KeyVault.ERASURE_REGISTER), List.of());
    }

    private MongoCollection<Document> keys() {
        return privacy.keyDatabase().getCollection(KeyVault.DATA_KEYS);
    }

    private static List<Document> copy(MongoCollection<Document> collection) {
        return collection.find().into(new ArrayList<>());
    }

    private static void restore(MongoCollection<Document> collection, List<Document> backup) {
        collection.deleteMany(new Document());
        if (!backup.isEmpty()) {
            collection.insertMany(backup);
        }
    }
}
