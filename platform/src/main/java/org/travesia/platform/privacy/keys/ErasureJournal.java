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
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not record an erasure in the journal " + file, e);
        }
    }

    /**
     * Every entry of the store {@code storeId} so far, oldest first; none if there is no journal yet. A torn last line
     * (a crash) is passed over.
     */
    public synchronized List<Document> entries(String storeId) {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<Document> entries = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Document entry = line.endsWith("}") ? Document.parse(line) : null;
                if (entry != null && storeId.equals(entry.getString("store"))) {
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

    public Path file() {
        return file;
    }
}
