package org.travesia.platform.privacy.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master key as a file outside the database ({@code TRAVESIA_MASTER_KEY_FILE}): the base64 of 32 random bytes,
 * readable by its owner only. A file that others may read is refused, as ssh refuses a private key that is: a master
 * key anyone on the machine can copy protects nothing.
 * <p>
 * In the local default the file is created on first start ({@code ./keys/master.key}, beside the data directory, never
 * in it: a copy of the data directory and its backups must not carry the key that opens them), with owner-only
 * permissions in an owner-only directory, and the log says so. Creation is atomic: two services starting together end up with the same key.
 */
public final class MasterKeyFile {

    private static final Logger log = LoggerFactory.getLogger(MasterKeyFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private MasterKeyFile() {
    }

    /** The key in {@code file}, which must exist. */
    public static MasterKey read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("No master key at " + file.toAbsolutePath()
                    + " (TRAVESIA_MASTER_KEY_FILE): restore it from where it is kept, or point the variable at it");
        }
        refuseIfOthersMayRead(file);
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return new MasterKey(Base64.getDecoder().decode(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The master key file " + file.toAbsolutePath()
                    + " does not hold the base64 of 32 bytes");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the master key file " + file.toAbsolutePath(), e);
        }
    }

    /** The key in {@code file}, created (owner-only) if there is none yet. */
    public static MasterKey readOrCreate(Path file) {
        if (!Files.exists(file)) {
            create(file);
        }
        return read(file);
    }

    /**
     * The key in {@code file}; if there is none yet but there is one at {@code formerPlace} (where earlier builds
     * created it, inside the data directory), that key is moved to {@code file} and kept, never replaced by a new one:
     * a new key would open none of the data. Otherwise one is created, as {@link #readOrCreate(Path)} does.
     */
    public static MasterKey readOrCreate(Path file, Path formerPlace) {
        if (!Files.exists(file) && Files.isRegularFile(formerPlace)) {
            moveOut(formerPlace, file);
        }
        return readOrCreate(file);
    }

    private static void moveOut(Path formerPlace, Path file) {
        Path target = file.toAbsolutePath();
        try {
            ensureOwnerOnlyDirectory(target.getParent());
            Files.move(formerPlace, target, StandardCopyOption.ATOMIC_MOVE);
            log.warn("Moved the master key from {} to {}: inside the data directory, every copy of it (and of the "
                    + "backups kept there) carried the key that opens them", formerPlace.toAbsolutePath(), target);
        } catch (FileAlreadyExistsException | NoSuchFileException anotherProcessMovedIt) {
            log.info("The master key was moved to {} by another process", target);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move the master key from " + formerPlace.toAbsolutePath() + " to "
                    + target + "; move it by hand, owner-only", e);
        }
    }

    private static void create(Path file) {
        Path target = file.toAbsolutePath();
        try {
            Path directory = target.getParent();
            ensureOwnerOnlyDirectory(directory);
            Path written = Files.createTempFile(directory, ".master-key-", ".tmp");
            try {
                restrict(written, OWNER_ONLY_FILE);
                byte[] encoded = (Base64.getEncoder().encodeToString(AesGcm.newKey().getEncoded()) + "\n")
                        .getBytes(StandardCharsets.US_ASCII);
                try (FileChannel channel = FileChannel.open(written, StandardOpenOption.WRITE)) {
                    channel.write(ByteBuffer.wrap(encoded));
                    channel.force(true);
                }
                // A link fails if the name is taken: whichever service starts second keeps the first one's key.
                Files.createLink(target, written);
                log.warn("Created a new master key at {} (owner-only). Keep a copy apart from the database and its "
                        + "backups: without it no personal data can be read", target);
            } catch (FileAlreadyExistsException anotherProcessWasFirst) {
                log.info("The master key at {} was created by another process", target);
            } finally {
                Files.deleteIfExists(written);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a master key at " + target, e);
        }
    }

    private static void ensureOwnerOnlyDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory);
            restrict(directory, OWNER_ONLY_DIRECTORY);
        }
    }

    private static void refuseIfOthersMayRead(Path file) {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix == null) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
            if (permissions.stream().anyMatch(OTHERS::contains)) {
                throw new IllegalStateException("The master key file " + file.toAbsolutePath() + " is open to others ("
                        + PosixFilePermissions.toString(permissions) + "): chmod 600 it, and check who copied it");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the permissions of " + file.toAbsolutePath(), e);
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (posix != null) {
            posix.setPermissions(permissions);
        }
    }
}
