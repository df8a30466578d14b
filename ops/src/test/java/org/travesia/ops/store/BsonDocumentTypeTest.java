package org.travesia.ops.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/** Documents on disk: BSON both ways, and whatever MVStore's generic type wrote or must write still readable. */
class BsonDocumentTypeTest {

    private static final BsonDocumentType TYPE = new BsonDocumentType();

    @Test
    void aDocumentReadBackFromDiskIsTheSameDocument() {
        Document document = new Document("_id", new ObjectId()).append("positions", List.of(1L, 2L))
                .append("committedAt", Instant.ofEpochMilli(1_764_000_000_000L)).append("count", 3)
                .append("quality", 4.5).append("verified", true).append("duplicateOf", null)
                .append("client", UUID.randomUUID())
                .append("events", List.of(new Document("payload", "{\"note\":\"Darién\"}").append("sequence", 0L)));
        assertThat(roundTrip(document)).isEqualTo(document);
    }

    @Test
    void aDocumentTheGenericTypeWroteIsStillRead() {
        Document document = new Document("_id", "old").append("n", 1);
        WriteBuffer buffer = new WriteBuffer();
        new ObjectDataType().write(buffer, document);
        assertThat(read(buffer)).isEqualTo(document);
    }

    @Test
    void aDocumentBsonCannotCarryIsWrittenGenerically() {
        Document document = new Document("_id", "float").append("ratio", 0.5f);
        assertThat(roundTrip(document)).isEqualTo(document);
    }

    private static Document roundTrip(Document document) {
        WriteBuffer buffer = new WriteBuffer();
        TYPE.write(buffer, document);
        return read(buffer);
    }

    private static Document read(WriteBuffer buffer) {
        ByteBuffer written = buffer.getBuffer();
        written.flip();
        return TYPE.read(written);
    }
}
