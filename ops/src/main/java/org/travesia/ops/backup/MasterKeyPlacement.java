package org.travesia.ops.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Keeps the master key out of every backup. A backup of the embedded store holds the events and the read models, whose
 * personal fields are sealed, and the wrapped data keys (the key database lives in the same store file): whoever holds
 * a backup and the master key together reads every person in it, erased ones too. So {@code ./ops/backup-store}
 * refuses to run, before it copies anything, while a master key sits where a backup, or a copy of the data directory,
 * would carry it: at its former default place in the data directory, or, as configured ({@code
 * TRAVESIA_MASTER_KEY_FILE}), anywhere inside the data directory or the directory the backup is written to.
 */
final class MasterKeyPlacement {

    private MasterKeyPlacement() {
    }

    static void requireOutside(Map<String, String> environment, Path data, Path destination) {
        Path former = data.resolve("keys").resolve("master.key");
        if (Files.exists(former)) {
            throw new IllegalStateException("A master key is in the data directory (" + former + "): every copy of "
                    + "the directory, and of the backups kept in it, would carry the key that opens them. Start "
                    + "./ops/run once (it moves the key to ./keys), or move it out of " + data
                    + " yourself and point TRAVESIA_MASTER_KEY_FILE at it; then back up again.");
        }
        String configured = environment.get("TRAVESIA_MASTER_KEY_FILE");
        if (configured == null || configured.isBlank()) {
            return;
        }
        Path key = Path.of(configured).toAbsolutePath().normalize();
        for (Path directory : new Path[] {data, destination}) {
            if (key.startsWith(directory.toAbsolutePath().normalize())) {
                throw new IllegalStateException("The master key (" + key + ", TRAVESIA_MASTER_KEY_FILE) is inside "
                        + directory + ", which the backup is taken from or written to: a backup must never travel "
                        + "with the key that opens it. Keep the key elsewhere.");
            }
        }
    }
}
