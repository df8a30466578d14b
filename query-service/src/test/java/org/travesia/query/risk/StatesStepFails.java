package org.travesia.query.risk;

import org.bson.Document;
import org.travesia.platform.viewwrites.ViewWrites;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

/**
 * The buckets as the projection uses them, except that while {@link #armed} a batch's states step fails, after its
 * buckets step went out: the store refuses a write the step carries (a duplicate key), as a store dying there would
 * leave things.
 */
class StatesStepFails extends RiskBuckets {

    boolean armed;
    private final MongoCollection<Document> poison;

    StatesStepFails(MongoDatabase database) {
        super(database);
        poison = database.getCollection("poison");
        poison.createIndex(Indexes.ascending("k"), new IndexOptions().unique(true));
        poison.insertOne(new Document("_id", "there").append("k", 1));
    }

    @Override
    void saveIncident(Document incident) {
        poisonIfArmed();
        super.saveIncident(incident);
    }

    @Override
    void saveCase(String caseId, long sequence) {
        poisonIfArmed();
        super.saveCase(caseId, sequence);
    }

    private void poisonIfArmed() {
        if (armed) {
            ViewWrites.current().upsert(1, poison, new Document("_id", "dup").append("k", 1));
        }
    }
}
