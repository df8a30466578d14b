package org.travesia.platform.viewwrites;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.platform.testing.ProcessedBatch;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/**
 * A batch's writes waive the journal and keep the rest of their collection's write concern: the token the processor
 * stores after them is what makes them durable. Writes sent one by one, outside a batch (a dead letter retried), have
 * no token after them and keep the collection's write concern as it is.
 */
class BatchWritesWaiveTheJournalTest {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete");

    private EmbeddedMongo mongo;
    private MongoClient listened;
    private final List<BsonDocument> writes = Collections.synchronizedList(new ArrayList<>());
    private MongoCollection<Document> states;
    private MongoCollection<Document> history;

    @BeforeEach
    void start() {
        mongo = EmbeddedMongo.inMemory();
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (WRITES.contains(event.getCommandName())) {
                    writes.add(event.getCommand().clone());
                }
            }
        };
        listened = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(mongo.uri())).addCommandListener(listener).build());
        states = listened.getDatabase("travesia").getCollection("states").withWriteConcern(WriteConcern.W1);
        history = listened.getDatabase("travesia").getCollection("history");
        states.insertOne(new Document("_id", "gone"));
        writes.clear();
    }

    @AfterEach
    void stop() {
        listened.close();
        mongo.close();
    }

    /**
     * Every kind of write a projection holds, in two steps and two collections: {@code states}, written with
     * {@code w: 1}, and {@code history}, with the client's default.
     */
    final class Writes {

        @EventHandler
        void on(String payload, EventMessage<?> message) {
            ViewWrites current = ViewWrites.current();
            current.upsert(0, states, new Document("_id", payload).append("n", 1));
            current.updateById(0, states, payload, new MergedUpdate().inc("n", 1), true);
            current.insertUnlessPresent(1, history, new Document("_id", payload));
            current.deleteById(1, states, "gone");
        }
    }

    @Test
    void aBatchsWritesWaiveTheJournalAndKeepTheirW() {
        assertThat(ProcessedBatch.of(new Writes(), List.of(event("a"), event("b"))).isExceptional()).isFalse();

        // One command per step, collection and run of one kind of write (the driver sends a replace and an update
        // apart): the states' upserts and updates, the history, the states' deletes.
        assertThat(writes).extracting(BatchWritesWaiveTheJournalTest::sent).containsExactly(
                "update states {\"w\": 1, \"j\": false}", "update states {\"w\": 1, \"j\": false}",
                "update states {\"w\": 1, \"j\": false}", "update states {\"w\": 1, \"j\": false}",
                "insert history {\"j\": false}", "delete states {\"w\": 1, \"j\": false}");
        assertThat(states.find().map(d -> d.get("_id") + "=" + d.get("n"))).containsExactlyInAnyOrder("a=2", "b=2");
        assertThat(history.countDocuments()).isEqualTo(2);
    }

    @Test
    void writesSentOneByOneKeepTheirCollectionsWriteConcern() throws Exception {
        ProcessedBatch.eventByEvent(new Writes(), List.of(event("a")));

        // The client's default is the server's: the driver sends none.
        assertThat(writes).extracting(BatchWritesWaiveTheJournalTest::sent).containsExactly(
                "update states {\"w\": 1}", "update states {\"w\": 1}", "insert history null",
                "delete states {\"w\": 1}");
    }

    /** The command's name, its collection and its write concern. */
    private static String sent(BsonDocument command) {
        BsonDocument concern = command.getDocument("writeConcern", null);
        return command.getFirstKey() + " " + command.getString(command.getFirstKey()).getValue() + " "
                + (concern == null ? null : concern.toJson());
    }

    private static EventMessage<?> event(String payload) {
        return new GenericDomainEventMessage<>("Thing", payload, 0, payload);
    }
}
