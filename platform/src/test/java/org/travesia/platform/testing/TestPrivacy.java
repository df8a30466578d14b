package org.travesia.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.platform.privacy.BlindIndex;
import org.travesia.platform.privacy.KeyedDigests;
import org.travesia.platform.privacy.PersonalDataCipher;
import org.travesia.platform.privacy.keys.AesGcm;
import org.travesia.platform.privacy.keys.ErasureJournal;
import org.travesia.platform.privacy.keys.KeyVault;
import org.travesia.platform.privacy.keys.MasterKey;
import org.travesia.platform.privacy.keys.SystemKeys;

import com.mongodb.WriteConcern;

/**
 * The real key hierarchy on an in-memory store, for tests that seal and open without starting a service: aggregate
 * fixtures, and the hierarchy's own tests. Each instance has its own master key and store.
 */
public final class TestPrivacy implements AutoCloseable {

    private final EmbeddedMongo mongo;
    private final Path journal;
    private final MasterKey masterKey;
    private final KeyVault vault;
    private final PersonalDataCipher cipher;
    private final SystemKeys systemKeys;

    private TestPrivacy(EmbeddedMongo mongo, MasterKey masterKey) {
        this.mongo = mongo;
        this.journal = temporaryJournal();
        this.masterKey = masterKey;
        this.vault = vaultWith(masterKey);
        this.cipher = new PersonalDataCipher(vault);
        this.systemKeys = new SystemKeys(vault);
    }

    public static TestPrivacy inMemory() {
        return new TestPrivacy(EmbeddedMongo.inMemory(), new MasterKey(AesGcm.newKey().getEncoded()));
    }

    /** Another vault on the same store, under another master key (a rotation, or the wrong key). */
    public KeyVault vaultWith(MasterKey master) {
        return new KeyVault(keyDatabase(), mongo.database(), WriteConcern.ACKNOWLEDGED, new ErasureJournal(journal),
                master, Clock.systemUTC());
    }

    /** The erasure journal, in a directory of its own per instance (deleted on close). */
    public Path erasureJournal() {
        return journal;
    }

    private static Path temporaryJournal() {
        try {
            return Files.createTempDirectory("travesia-keys").resolve("erasures.jsonl");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public com.mongodb.client.MongoDatabase keyDatabase() {
        return mongo.client().getDatabase("travesia-keys");
    }

    public EmbeddedMongo mongo() {
        return mongo;
    }

    public MasterKey masterKey() {
        return masterKey;
    }

    public KeyVault vault() {
        return vault;
    }

    public PersonalDataCipher cipher() {
        return cipher;
    }

    public BlindIndex blindIndex() {
        return new BlindIndex(systemKeys.get(SystemKeys.BLIND_INDEX));
    }

    public KeyedDigests keyedDigests() {
        return new KeyedDigests(systemKeys.get(SystemKeys.IDENTIFIERS));
    }

    @Override
    public void close() {
        mongo.close();
        try {
            Files.deleteIfExists(journal);
            Files.deleteIfExists(journal.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
