package org.travesia.ops.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;

/**
 * A copy of the store's file taken while it runs, holding one committed state of the whole store (events, tokens,
 * read models and audit log together): writes are held back while the file is read ({@link GroupCommit#exclusively}),
 * so the copy is exactly the file as it stood after the last commit. The copy goes to a {@code .partial} file, is
 * forced to disk, and only then gets its final name: a file with a final name is a whole backup.
 * <p>
 * The file is read through the store's own channel. Opening a second one on it and closing it would, on POSIX
 * systems, drop the lock this process holds on the file, and with it what keeps a second process from opening it.
 */
final class StoreSnapshot {

    static final String SUFFIX = ".mv";
    private static final int CHUNK = 1 << 20;
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** @param writesHeldNanos how long writes waited while the file was read */
    record Taken(Path file, long bytes, long writesHeldNanos) {
    }

    private StoreSnapshot() {
    }

    static Taken take(MVStore store, GroupCommit groupCommit, Path directory, Clock clock) {
        Path target = directory.resolve("travesia-" + NAME.format(clock.instant()) + SUFFIX);
        Path partial = directory.resolve(target.getFileName() + ".partial");
        try {
            Files.createDirectories(directory);
            long bytes;
            long writesHeldNanos;
            try (FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                long start = System.nanoTime();
                bytes = groupCommit.exclusively(() -> copy(store.getFileStore(), out));
                writesHeldNanos = System.nanoTime() - start;
                out.force(true);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            try (FileChannel parent = FileChannel.open(directory, StandardOpenOption.READ)) {
                parent.force(true);
            }
            return new Taken(target, bytes, writesHeldNanos);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the backup " + target, e);
        }
    }

    private static long copy(FileStore<?> file, FileChannel out) {
        long size = file.size();
        try {
            for (long position = 0; position < size; position += CHUNK) {
                ByteBuffer bytes = file.readFully(null, position, (int) Math.min(CHUNK, size - position));
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return size;
    }
}
