package org.travesia.platform.privacy.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;

/**
 * A third copy of the erasure register, as a file of JSON lines kept with the master key, outside the data directory
 * and out of every data backup. The other two copies live in the store, and on the embedded default both are in the
 * one store file: a backup taken before an erasure restores both without it, and with them the erased subject's
 * wrapped key. This copy survives that restore, so {@link KeyVault#reapplyErasureRegister()} deletes the key again
 * before anything is served. Each line is a subject id, how far it was shredded and when, and the id of the store it
 * was made in (a store restored from a backup keeps its id; a new, empty store has its own, and lines of other stores
 * are no business of it): no personal data.
 * <p>
 * A line is forced to disk before the key it records is deleted; a line for a key that was then not deleted only
 * repeats what the next start does anyway.
 */
public final class ErasureJournal {

    private static final byte[] NEWLINE = {'\n'};

    private final Path file;

    public ErasureJournal(Path file) {
        this.file = file;
    }

    /** Appends one register entry of the store {@code storeId} and forces it to disk. */
    public synchronized void append(String storeId, Document entry) {
        byte[] line = (new Document("store", storeId).append("_id", entry.getString("_id"))
                .append("shreddedBelow", entry.getInteger("shreddedBelow", 0))
                .append("forever", entry.getBoolean("forever", false))
                .append("at", entry.getDate("at").toInstant().toString()).toJson() + "\n")
                .getBytes(StandardCharsets.UTF_8);
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            boolean torn = endsTorn(file);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ByteBuffer buffer = ByteBuffer.wrap(torn ? concat(NEWLINE, line) : line);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not record an erasure in the journal " + file, e);
        }
    }

    /** Whether the file ends in a line a crash cut short: the next line must not run onto it. */
    private static boolean endsTorn(Path file) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, size - 1);
            return last.get(0) != '\n';
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /**
     * Every entry of the store {@code storeId} so far (of every store, if null), oldest first; none if there is no
     * journal yet. A line a crash cut short is passed over.
     */
    public synchronized List<Document> entries(String storeId) {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<Document> entries = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Document entry = readable(line);
                if (entry != null && (storeId == null || storeId.equals(entry.getString("store")))) {
                    entries.add(new Document("_id", entry.getString("_id"))
                            .append("shreddedBelow", entry.getInteger("shreddedBelow", 0))
                            .append("forever", entry.getBoolean("forever", false)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the erasure journal " + file, e);
        }
        return entries;
    }

    /**
     * A line as an entry, or null for a line a crash cut short (or anything else unreadable): the store's two copies
     * of the register still hold what it said, unless a restore took them back, and a start must not fail on it.
     */
    private static Document readable(String line) {
        try {
            Document entry = Document.parse(line);
            return entry.getString("_id") == null ? null : entry;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
