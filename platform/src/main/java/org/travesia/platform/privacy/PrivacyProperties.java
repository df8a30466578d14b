package org.travesia.platform.privacy;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the keys are ({@code travesia.privacy.*}; the README's key hierarchy).
 *
 * @param masterKeyFile         the master key ({@code TRAVESIA_MASTER_KEY_FILE}, default {@code ./keys/master.key});
 *                              created there on first start in the local default, never with the {@code prod} profile
 * @param formerMasterKeyFile   where earlier builds created the local default's key, inside the data directory
 *                              ({@code TRAVESIA_FORMER_MASTER_KEY_FILE}, default {@code ./data/keys/master.key}): a key
 *                              found there, with none at {@code masterKeyFile}, is moved there (local default only)
 * @param previousMasterKeyFile during a rotation, the master key being retired ({@code
 *                              TRAVESIA_PREVIOUS_MASTER_KEY_FILE}): the keys it wrapped are re-wrapped at start
 * @param keyStoreUri           a MongoDB for the keys apart from the events' ({@code TRAVESIA_KEY_STORE_URI}, database in
 *                              the path); unset: the events' server
 * @param keyDatabase           the keys' database when {@code keyStoreUri} is unset ({@code TRAVESIA_KEY_DATABASE});
 *                              unset: the events' database name with {@code -keys}
 * @param erasureJournalFile    the erasure register's copy kept with the master key, out of data backups ({@code
 *                              TRAVESIA_ERASURE_JOURNAL_FILE}, default {@code erasures.jsonl} next to the master key)
 */
@ConfigurationProperties("travesia.privacy")
public record PrivacyProperties(Path masterKeyFile, Path formerMasterKeyFile, Path previousMasterKeyFile,
                                String keyStoreUri, String keyDatabase, Path erasureJournalFile) {

    public PrivacyProperties {
        masterKeyFile = masterKeyFile == null ? Path.of("keys", "master.key") : masterKeyFile;
        formerMasterKeyFile = formerMasterKeyFile == null ? Path.of("data", "keys", "master.key")
                : formerMasterKeyFile;
        previousMasterKeyFile = previousMasterKeyFile == null || previousMasterKeyFile.toString().isBlank() ? null
                : previousMasterKeyFile;
        keyStoreUri = keyStoreUri == null || keyStoreUri.isBlank() ? null : keyStoreUri;
        keyDatabase = keyDatabase == null || keyDatabase.isBlank() ? null : keyDatabase;
        erasureJournalFile = erasureJournalFile == null || erasureJournalFile.toString().isBlank()
                ? masterKeyFile.resolveSibling("erasures.jsonl") : erasureJournalFile;
    }
}
