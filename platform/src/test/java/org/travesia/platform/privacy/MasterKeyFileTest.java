package org.travesia.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.travesia.platform.privacy.keys.MasterKey;
import org.travesia.platform.privacy.keys.MasterKeyFile;

/** The master key file: made owner-only on first start, kept afterwards, refused when others may read it. */
class MasterKeyFileTest {

    @TempDir
    Path data;

    @Test
    void theFirstStartMakesAnOwnerOnlyKeyInAnOwnerOnlyDirectory() throws IOException {
        Path file = data.resolve("keys").resolve("master.key");

        MasterKeyFile.readOrCreate(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(Files.list(file.getParent())).as("no temporary file left behind").containsExactly(file);
    }

    @Test
    void laterStartsReadTheSameKey() {
        Path file = data.resolve("keys").resolve("master.key");

        MasterKey first = MasterKeyFile.readOrCreate(file);
        MasterKey second = MasterKeyFile.readOrCreate(file);

        assertThat(second.id()).isEqualTo(first.id());
    }

    @Test
    void aKeyFileOthersMayReadIsRefused() throws IOException {
        Path file = data.resolve("master.key");
        MasterKeyFile.readOrCreate(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> MasterKeyFile.read(file)).hasMessageContaining("chmod 600");
    }

    @Test
    void aKeyFoundAtItsFormerPlaceInTheDataDirectoryIsMovedOutAndKept() throws IOException {
        Path former = data.resolve("data").resolve("keys").resolve("master.key");
        MasterKey original = MasterKeyFile.readOrCreate(former);
        Path file = data.resolve("keys").resolve("master.key");

        MasterKey read = MasterKeyFile.readOrCreate(file, former);

        assertThat(read.id()).as("the same key, not a new one").isEqualTo(original.id());
        assertThat(former).doesNotExist();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void withNoKeyAtEitherPlaceANewOneIsMadeAtTheNewPlace() {
        Path former = data.resolve("data").resolve("keys").resolve("master.key");
        Path file = data.resolve("keys").resolve("master.key");

        MasterKeyFile.readOrCreate(file, former);

        assertThat(file).exists();
        assertThat(former).doesNotExist();
    }

    @Test
    void aMissingKeyFileIsNotMadeUpWhenOnlyReading() {
        assertThatThrownBy(() -> MasterKeyFile.read(data.resolve("none.key")))
                .hasMessageContaining("TRAVESIA_MASTER_KEY_FILE");
    }
}
