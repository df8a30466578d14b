package org.travesia.platform.testapp;

import java.util.List;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.travesia.platform.viewwrites.MergedUpdate;
import org.travesia.platform.viewwrites.ViewWrites;
import org.travesia.platform.viewwrites.ViewWritesPerBatch;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * A projection that adds, as route-risk's counters do: one step counted per event, in writes held for the batch
 * ({@link ViewWritesPerBatch}). An event handled twice with its writes sent twice shows up as a count too high.
 * Handled by the same processor as {@link StepLedger}.
 */
@Component
@ProcessingGroup(StepLedger.PROCESSING_GROUP)
@ConditionalOnProperty("walks.tally.enabled")
public class StepTally {

    private final MongoCollection<Document> tally;

    public StepTally(MongoDatabase travesiaDatabase) {
        this.tally = travesiaDatabase.getCollection("test_step_tally");
    }

    @Bean
    static ConfigurerModule stepTallyWritesPerBatch() {
        return ViewWritesPerBatch.on(List.of(StepLedger.PROCESSING_GROUP));
    }

    @EventHandler
    void on(StepTaken event) {
        ViewWrites.current().updateById(0, tally, event.walkerId(), new MergedUpdate().inc("steps", 1), true);
    }

    /** The steps counted for this walker once the batches' writes were sent. */
    public long counted(String walkerId) {
        Document counted = tally.find(new Document("_id", walkerId)).first();
        return counted == null ? 0 : counted.get("steps", Number.class).longValue();
    }
}
