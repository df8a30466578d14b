package org.travesia.ops.store;

import de.bwaldvogel.mongo.bson.Document;

/** What a command's write concern asks of the store's acknowledgement. */
final class WriteConcerns {

    private WriteConcerns() {
    }

    /**
     * Whether the command says {@code j: false}: acknowledge it once it is applied, without waiting for the disk, as
     * MongoDB does. Only an explicit {@code false} waives it; a command that says nothing waits, whatever its
     * {@code w}.
     */
    static boolean waivesTheJournal(Document command) {
        return command.get("writeConcern") instanceof Document concern && Boolean.FALSE.equals(concern.get("j"));
    }
}
