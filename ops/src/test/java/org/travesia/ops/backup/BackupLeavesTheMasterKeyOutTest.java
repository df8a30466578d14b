package org.travesia.ops.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup never travels with the key that opens it: {@code ./ops/backup-store} refuses, before it copies anything,
 * while a master key sits in the data directory (its former default place, or wherever configured) or in the
 * directory the backup is written to. Whoever held both would read every person a backup holds, erased ones too.
 */
class BackupLeavesTheMasterKeyOutTest {

    @TempDir
    Path work;

    @Test
    void aMasterKeyAtItsFormerPlaceInTheDataDirectoryStopsTheBackup() throws IOException {
        Path data = work.resolve("data");
        Path key = Files.createDirectories(data.resolve("keys")).resolve("master.key");
        Files.writeString(key, "not read by the backup\n");

        assertThatThrownBy(() -> BackupStoreCommand.run(new String[0], Map.of("TRAVESIA_DATA", data.toString(),
                "TRAVESIA_MASTER_KEY_FILE", work.resolve("keys").resolve("master.key").toString())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(key.toString()).hasMessageContaining("./ops/run");
        assertThat(data.resolve("backups")).doesNotExist();
    }

    @Test
    void aConfiguredMasterKeyInsideTheBackupsDestinationStopsTheBackup() throws IOException {
        Path data = Files.createDirectories(work.resolve("data"));
        Path destination = work.resolve("offsite");
        Path key = Files.createDirectories(destination.resolve("secrets")).resolve("master.key");
        Files.writeString(key, "not read by the backup\n");

        assertThatThrownBy(() -> BackupStoreCommand.run(new String[] {destination.toString()},
                Map.of("TRAVESIA_DATA", data.toString(), "TRAVESIA_MASTER_KEY_FILE", key.toString())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(key.toString()).hasMessageContaining("TRAVESIA_MASTER_KEY_FILE");
        assertThat(Files.list(destination)).containsExactly(destination.resolve("secrets"));
    }
}
