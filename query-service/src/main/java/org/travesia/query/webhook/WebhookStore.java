package org.travesia.query.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

/**
 * Webhooks ({@code webhooks}), their deliveries with every attempt ({@code webhook_deliveries}, one per webhook and
 * alert event: a restart finds what is due and carries on), and how far the alert log has been turned into
 * deliveries ({@code webhook_cursor}). The secret is kept to sign with; it is never logged and shown only once.
 */
@Component
class WebhookStore {

    static final String PENDING = "PENDING";
    static final String DELIVERED = "DELIVERED";
    static final String GAVE_UP = "GAVE_UP";

    private final MongoCollection<Document> webhooks;
    private final MongoCollection<Document> deliveries;
    private final MongoCollection<Document> cursor;

    WebhookStore(MongoDatabase travesiaDatabase) {
        this.webhooks = travesiaDatabase.getCollection("webhooks");
        this.deliveries = travesiaDatabase.getCollection("webhook_deliveries");
        this.cursor = travesiaDatabase.getCollection("webhook_cursor");
        deliveries.createIndex(Indexes.ascending("state", "nextAttemptAt"), new IndexOptions().name("due"));
        deliveries.createIndex(Indexes.ascending("webhookId", "position"), new IndexOptions().name("log"));
    }

    void register(Document webhook) {
        webhooks.insertOne(webhook);
    }

    Optional<Document> webhook(String webhookId) {
        return Optional.ofNullable(webhooks.find(Filters.eq("_id", webhookId)).first());
    }

    List<Document> webhooksFor(String organisation, String routeId) {
        return webhooks.find(Filters.and(Filters.eq("organisation", organisation), Filters.eq("routeId", routeId)))
                .into(new ArrayList<>());
    }

    long cursor() {
        Document found = cursor.find(Filters.eq("_id", "alerts")).first();
        return found == null ? 0 : ((Number) found.get("position")).longValue();
    }

    void advanceCursor(long position) {
        cursor.replaceOne(Filters.eq("_id", "alerts"), new Document("_id", "alerts").append("position", position),
                new ReplaceOptions().upsert(true));
    }

    /** Adds a delivery once: a second call for the same webhook and event finds it there. */
    void enqueue(Document delivery) {
        try {
            deliveries.insertOne(delivery);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    List<Document> due(Instant now, int limit) {
        return deliveries.find(Filters.and(Filters.eq("state", PENDING), Filters.lte("nextAttemptAt", Date.from(now))))
                .sort(Sorts.ascending("nextAttemptAt")).limit(limit).into(new ArrayList<>());
    }

    long backlog() {
        return deliveries.countDocuments(Filters.eq("state", PENDING));
    }

    /**
     * Takes a due delivery for one attempt, moving its next attempt to {@code leaseUntil} so that another instance
     * leaves it alone meanwhile (and picks it up if this one dies mid-attempt); empty if someone else took it.
     */
    Optional<Document> claim(Document delivery, Instant leaseUntil) {
        return Optional.ofNullable(deliveries.findOneAndUpdate(
                Filters.and(Filters.eq("_id", delivery.getString("_id")), Filters.eq("state", PENDING),
                        Filters.eq("nextAttemptAt", delivery.getDate("nextAttemptAt"))),
                Updates.set("nextAttemptAt", Date.from(leaseUntil)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
    }

    void recordAttempt(String deliveryId, Document attempt, String state, Instant nextAttemptAt, Instant first) {
        deliveries.updateOne(Filters.eq("_id", deliveryId), Updates.combine(Updates.push("attempts", attempt),
                Updates.set("state", state), Updates.set("nextAttemptAt", nextAttemptAt == null ? null
                        : Date.from(nextAttemptAt)), Updates.set("firstAttemptAt", Date.from(first))));
    }

    List<Document> deliveriesOf(String webhookId) {
        return deliveries.find(Filters.eq("webhookId", webhookId)).sort(Sorts.descending("position"))
                .limit(500).into(new ArrayList<>());
    }
}
