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
 * read models and audit log together). Writes are held back only for a moment ({@link GroupCommit#exclusively}):
 * long enough to commit what is finished, read the file's header (which names the last chunk) and switch MVStore to
 * a mode in which it overwrites nothing, neither reusing free space nor freeing the chunks the copied state needs.
 * The rest of the file is then read while writes go on: new chunks only go after everything the copied header
 * refers to. Opened, the copy is the state of that moment (or, at most, a later commit that happens to be wholly in
 * the copy: MVStore opens the newest complete state it finds, as after a crash; each is consistent).
 * <p>
 * The copy goes to a {@code .partial} file, is forced to disk, and only then gets its final name: a file with a
 * final name is a whole backup. The file is read through the store's own channel: opening a second one on it and
 * closing it would, on POSIX systems, drop the lock this process holds on the file, and with it what keeps a second
 * process from opening it.
 */
final class StoreSnapshot {

    static final String SUFFIX = ".mv";
    private static final int CHUNK = 1 << 20;
    /** MVStore's two header blocks, at the start of the file. */
    private static final int HEADER = 2 * 4096;
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** @param writesHeldNanos how long writes waited: for the commit and the header, not for the copy */
    record Taken(Path file, long bytes, long writesHeldNanos) {
    }

    private StoreSnapshot() {
    }

    static Taken take(MVStore store, GroupCommit groupCommit, Path directory, Clock clock, int retentionMillis) {
        Path target = directory.resolve("travesia-" + NAME.format(clock.instant()) + SUFFIX);
        Path partial = directory.resolve(target.getFileName() + ".partial");
        try {
            Files.createDirectories(directory);
            try (FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                long start = System.nanoTime();
                Cut cut = groupCommit.exclusively(() -> {
                    FileStore<?> file = store.getFileStore();
                    ByteBuffer header = file.readFully(null, 0, HEADER);
                    store.setReuseSpace(false);
                    store.setRetentionTime(Integer.MAX_VALUE);
                    return new Cut(header, file.size());
                });
                long writesHeldNanos = System.nanoTime() - start;
                try {
                    write(cut.header(), out);
                    copy(store.getFileStore(), HEADER, cut.size(), out);
                } finally {
                    groupCommit.exclusively(() -> {
                        store.setReuseSpace(true);
                        store.setRetentionTime(retentionMillis);
                        return null;
                    });
                }
                out.force(true);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
                try (FileChannel parent = FileChannel.open(directory, StandardOpenOption.READ)) {
                    parent.force(true);
                }
                return new Taken(target, cut.size(), writesHeldNanos);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the backup " + target, e);
        }
    }

    /** What the copy starts from: the file's header after the last commit, and the file's length then. */
    private record Cut(ByteBuffer header, long size) {
    }

    private static void copy(FileStore<?> file, long from, long to, FileChannel out) throws IOException {
        for (long position = from; position < to; position += CHUNK) {
            write(file.readFully(null, position, (int) Math.min(CHUNK, to - position)), out);
        }
    }

    private static void write(ByteBuffer bytes, FileChannel out) throws IOException {
        while (bytes.hasRemaining()) {
            out.write(bytes);
        }
    }
}
