package org.travesia.ops.store;

import java.nio.file.Path;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * mongo-java-server's H2 backend, made crash-safe: every command that may write is acknowledged only once a commit
 * holding it has been forced to disk, and every commit is one consistent state of the whole store (see
 * {@link GroupCommit}). MVStore's own background commit is switched off, since it would persist half-captured states
 * on a timer.
 */
public final class DurableH2Backend extends H2Backend {

    private final GroupCommit groupCommit;

    private DurableH2Backend(MVStore store) {
        super(store);
        this.groupCommit = new GroupCommit(store);
    }

    /** Opens (or creates) the store in {@code file}. */
    public static DurableH2Backend open(Path file) {
        return new DurableH2Backend(openWithoutAutoCommit(file));
    }

    /** The file, with MVStore's own commits switched off: only the group commit may commit. */
    static MVStore openWithoutAutoCommit(Path file) {
        return new MVStore.Builder()
                .fileName(file.toString())
                // Neither on a timer nor when unsaved pages pile up in memory (a buffer size of 0 turns that off).
                .autoCommitDisabled()
                .autoCommitBufferSize(0)
                .open();
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (ReadOnlyCommands.isReadOnly(command, query)) {
            return super.handleCommand(channel, database, command, query);
        }
        return groupCommit.write(() -> super.handleCommand(channel, database, command, query));
    }

    /** Called once the server has stopped taking commands: commits what is left, then closes the file. */
    @Override
    public void close() {
        groupCommit.close();
        super.close();
    }
}
