package org.travesia.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.travesia.eventstore.TestEvents.steps;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/**
 * An append's position allocation asks for the journal and a majority whatever the events' write concern, and its
 * commit's insert for the configured one: a store restarted, or a primary replaced, between the two must not have
 * forgotten the allocation while the insert lands on it ({@link EventStoreCollections#allocations()}). Read from the
 * commands the driver sends.
 */
class AllocationJournalTest {

    private final EventStoreFixture store = new EventStoreFixture();
    /** Copied: the driver reuses the command's buffer once the listener returns. */
    private final Map<String, BsonDocument> writeConcernByCommand = new ConcurrentHashMap<>();
    private final MongoClient client = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(store.mongo.uri()))
            .addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    BsonDocument command = event.getCommand();
                    BsonValue collection = command.get(event.getCommandName());
                    if (collection != null && collection.isString()) {
                        writeConcernByCommand.put(event.getCommandName() + " " + collection.asString().getValue(),
                                BsonDocument.parse(command.getDocument("writeConcern", new BsonDocument()).toJson()));
                    }
                }
            })
            .build());

    @AfterEach
    void close() {
        client.close();
        store.close();
    }

    @Test
    void theAllocationAsksTheJournalAndAMajorityAndTheInsertTheConfiguredConcern() {
        List<WriteConcern> concerns = List.of(WriteConcern.ACKNOWLEDGED, WriteConcern.MAJORITY);
        for (int i = 0; i < concerns.size(); i++) {
            WriteConcern configured = concerns.get(i);
            writeConcernByCommand.clear();
            EventStoreCollections collections =
                    new EventStoreCollections(client.getDatabase("travesia"), configured).ensureIndexes();
            MongoEventStorageEngine engine = MongoEventStorageEngine.builder().collections(collections)
                    .eventSerializer(store.serializer).snapshotSerializer(store.serializer).build();

            engine.appendEvents(steps("a" + i, 0, 2));

            assertThat(writeConcernByCommand.get("findAndModify " + EventStoreCollections.COUNTERS))
                    .as("the allocation, under %s", configured)
                    .isEqualTo(BsonDocument.parse("{w: 'majority', j: true}"));
            assertThat(writeConcernByCommand.get("insert " + EventStoreCollections.EVENTS))
                    .as("the commit's insert, under %s", configured)
                    .isEqualTo(configured.isServerDefault() ? new BsonDocument() : configured.asDocument());
        }
    }
}
