package org.travesia.platform.viewwrites;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.platform.testing.ProcessedBatch;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/**
 * A projection that reads a document per event by its aggregate's id gets, in a batch, the documents of all the
 * batch's aggregates from one query, and each exactly as a read by id would have given it: null for one not stored,
 * and its own copy, so that what it changes in one event's document does not reach a later read.
 */
class ReadAheadInABatchTest {

    private EmbeddedMongo mongo;
    private MongoClient listened;
    private final List<BsonDocument> finds = Collections.synchronizedList(new ArrayList<>());
    private MongoCollection<Document> states;

    @BeforeEach
    void start() {
        mongo = EmbeddedMongo.inMemory();
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("find")) {
                    finds.add(event.getCommand().clone());
                }
            }
        };
        listened = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(mongo.uri())).addCommandListener(listener).build());
        states = listened.getDatabase("travesia").getCollection("states");
        states.insertMany(List.of(
                new Document("_id", "a-1").append("version", 0L).append("nested", new Document("k", 1)),
                new Document("_id", "a-2").append("version", 0L), new Document("_id", "outside").append("version", 9L)));
        finds.clear();
    }

    @AfterEach
    void stop() {
        listened.close();
        mongo.close();
    }

    /**
     * Reads by the event's aggregate id, and once by an id no event of the batch carries; changes what it got. Before
     * the event "after a retry", the store's document moves on, as an operator's retry of a dead letter moves it.
     */
    final class Reads {

        /** JSON that keeps a long a long, for a deep copy of what was read. */
        private static final JsonWriterSettings EXACT = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

        final List<Document> read = new ArrayList<>();

        @EventHandler
        void on(String payload, DomainEventMessage<?> message) {
            String id = message.getAggregateIdentifier();
            if (payload.equals("after a retry")) {
                states.updateOne(new Document("_id", id), new Document("$set",
                        new Document("version", message.getSequenceNumber() - 1).append("retried", true)));
            }
            Document state = ViewWrites.current().storedById(states, id, message.getSequenceNumber(), "version");
            read.add(state == null ? null : Document.parse(state.toJson(EXACT)));
            if (state != null) {
                state.put("version", -1L);
                if (state.get("nested") instanceof Document nested) {
                    nested.put("k", -1);
                }
            }
            if (payload.equals("and outside")) {
                read.add(ViewWrites.current().storedById(states, "outside", 0, "version"));
            }
        }
    }

    @Test
    void aBatchReadsTheDocumentsOfAllItsAggregatesInOneQuery() {
        Reads reads = new Reads();
        List<EventMessage<?>> batch = List.of(event("a-1", 1, "first"), event("a-2", 1, "first"),
                event("a-3", 0, "and outside"), event("a-1", 2, "again"));

        assertThat(ProcessedBatch.of(reads, batch).isExceptional()).isFalse();

        assertThat(reads.read).containsExactly(stored("a-1"), stored("a-2"), null, stored("outside"), stored("a-1"));
        // One query for a-1, a-2 and a-3; then "outside", which no event of the batch carries; then a-1 again,
        // asked for a second time after its first copy was handed out (and changed).
        assertThat(finds).hasSize(3);
        assertThat(finds.get(0).getDocument("filter").getDocument("_id").getArray("$in")).hasSize(3);
    }

    @Test
    void outsideABatchEachReadGoesToTheStore() throws Exception {
        Reads reads = new Reads();

        ProcessedBatch.eventByEvent(reads, List.of(event("a-1", 1, "first"), event("a-1", 2, "again")));

        assertThat(reads.read).containsExactly(stored("a-1"), stored("a-1"));
        assertThat(finds).hasSize(2);
    }

    /**
     * A document read ahead is used only when it is not behind the event: an operator's retry of a dead letter may
     * apply the aggregate's parked events while the batch runs, and the event after them must see what it wrote.
     */
    @Test
    void aDocumentReadAheadThatIsBehindItsEventIsReadAgain() {
        Reads reads = new Reads();
        List<EventMessage<?>> batch = List.of(event("a-1", 1, "first"), event("a-2", 3, "after a retry"),
                event("a-3", 2, "first"));

        assertThat(ProcessedBatch.of(reads, batch).isExceptional()).isFalse();

        assertThat(reads.read.get(1)).isEqualTo(stored("a-2")).containsEntry("retried", true);
        // Also read again: a-3, unknown to the store while its event is not its first (a projection that skipped it).
        assertThat(reads.read.get(2)).isNull();
        assertThat(finds).hasSize(3);
    }

    private Document stored(String id) {
        return mongo.database().getCollection("states").find(new Document("_id", id)).first();
    }

    private static EventMessage<?> event(String aggregate, long sequence, String payload) {
        return new GenericDomainEventMessage<>("Thing", aggregate, sequence, payload);
    }
}
