package org.travesia.platform.viewwrites;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.BsonType;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.travesia.eventstore.testing.EmbeddedMongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * A merged update's increments create 32-bit fields while the sums fit, and what is added past a 32-bit field's range
 * widens it, on the store itself, never wraps it: the counters stay exact however far they grow.
 */
class MergedUpdateCounterWidthTest {

    private EmbeddedMongo mongo;
    private MongoCollection<RawBsonDocument> counters;

    @BeforeEach
    void start() {
        mongo = EmbeddedMongo.inMemory();
        counters = mongo.database().getCollection("counters", RawBsonDocument.class);
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void aCounterThatFitsIsCreatedAsThirtyTwoBitsAndOneThatDoesNotAsSixtyFour() {
        apply(new MergedUpdate().inc("small", 3).inc("small", 4).inc("large", 3_000_000_000L)
                .inc("summedPastTheRange", Integer.MAX_VALUE).inc("summedPastTheRange", 1).inc("negative", -2));

        RawBsonDocument stored = stored();
        assertThat(stored.get("small").getBsonType()).isEqualTo(BsonType.INT32);
        assertThat(stored.getInt32("small").getValue()).isEqualTo(7);
        assertThat(stored.get("negative").getBsonType()).isEqualTo(BsonType.INT32);
        assertThat(stored.getInt32("negative").getValue()).isEqualTo(-2);
        assertThat(stored.getInt64("large").getValue()).isEqualTo(3_000_000_000L);
        assertThat(stored.getInt64("summedPastTheRange").getValue()).isEqualTo(Integer.MAX_VALUE + 1L);
    }

    @Test
    void addingPastAThirtyTwoBitFieldsRangeWidensItOnTheStore() {
        apply(new MergedUpdate().inc("n", Integer.MAX_VALUE - 1).inc("down", Integer.MIN_VALUE + 1));
        assertThat(stored().get("n").getBsonType()).isEqualTo(BsonType.INT32);
        assertThat(stored().get("down").getBsonType()).isEqualTo(BsonType.INT32);

        apply(new MergedUpdate().inc("n", 2).inc("down", -2));

        RawBsonDocument stored = stored();
        assertThat(stored.getInt64("n").getValue()).isEqualTo(Integer.MAX_VALUE + 1L);
        assertThat(stored.getInt64("down").getValue()).isEqualTo(Integer.MIN_VALUE - 1L);
    }

    @Test
    void aSixtyFourBitFieldStaysSixtyFourBitsWhenAThirtyTwoBitIncrementIsAdded() {
        counters.updateOne(Filters.eq("_id", "c"), Updates.set("n", 1L), new UpdateOptions().upsert(true));

        apply(new MergedUpdate().inc("n", 1));

        assertThat(stored().getInt64("n").getValue()).isEqualTo(2L);
    }

    /** Increments that each need 64 bits but sum to a 32-bit value are sent as that value: the sum is what is sent. */
    @Test
    void incrementsThatCancelIntoThirtyTwoBitsAreSentAsThirtyTwoBits() {
        apply(new MergedUpdate().inc("n", 3_000_000_000L).inc("n", -2_999_999_995L));

        assertThat(stored().get("n").getBsonType()).isEqualTo(BsonType.INT32);
        assertThat(stored().getInt32("n").getValue()).isEqualTo(5);
    }

    private void apply(MergedUpdate update) {
        counters.updateOne(Filters.eq("_id", "c"), update.toBson(), new UpdateOptions().upsert(true));
    }

    private RawBsonDocument stored() {
        return counters.find(Filters.eq("_id", "c")).first();
    }
}
