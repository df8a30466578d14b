package org.travesia.query.risk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import com.mongodb.client.MongoDatabase;

/** What the risk projection left in a store, to compare two stores fed the same events in different ways. */
final class RiskDocuments {

    private RiskDocuments() {
    }

    /**
     * Every document of the projection's collections, per collection, in {@code _id} order, a bucket's marks left out
     * once none is left in it: a mark still there is a difference.
     */
    static Map<String, List<Document>> of(MongoDatabase database) {
        List<String> collections = new ArrayList<>(List.of(RiskBuckets.INCIDENTS, RiskBuckets.CASES,
                RiskBuckets.ROUTE_SEGMENTS));
        for (RiskPeriod period : RiskPeriod.values()) {
            collections.add(period.collection());
        }
        Map<String, List<Document>> documents = new LinkedHashMap<>();
        for (String collection : collections) {
            List<Document> stored = database.getCollection(collection).find().into(new ArrayList<>());
            stored.forEach(document -> {
                if (document.get("a") instanceof Document marks && marks.isEmpty()) {
                    document.remove("a");
                }
            });
            stored.sort(Comparator.comparing(document -> String.valueOf(document.get("_id"))));
            documents.put(collection, stored);
        }
        return documents;
    }
}
