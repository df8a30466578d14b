package org.travesia.ops.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * Compares a search on the collection {@code indexed} with the same search on {@code scanned}, which holds the same
 * documents without secondary indexes: the same documents, in the same order of their sort keys (documents tied on
 * every sort key may come in any order, as on MongoDB), and the same count.
 */
final class SearchesAgree {

    private SearchesAgree() {
    }

    static void assertSameAnswers(MongoDatabase database, Bson filter, Bson sort, int skip, int limit) {
        List<Document> served = run(database.getCollection("indexed"), filter, sort, skip, limit);
        List<Document> scanned = run(database.getCollection("scanned"), filter, sort, skip, limit);
        String search = "find(" + filter.toBsonDocument().toJson() + ").sort(" + (sort == null ? "" : sort.toBsonDocument().toJson())
                + ").skip(" + skip + ").limit(" + limit + ")";
        if (sort == null) {
            assertThat(served).as(search).isEqualTo(scanned);
        } else {
            assertThat(sortKeys(served, sort)).as(search).isEqualTo(sortKeys(scanned, sort));
            Set<Object> allMatches = ids(run(database.getCollection("scanned"), filter, null, 0, 0));
            assertThat(allMatches).as(search).containsAll(ids(served));
            assertThat(served).as(search).hasSameSizeAs(scanned).doesNotHaveDuplicates();
            if (skip == 0 && limit == 0) {
                assertThat(ids(served)).as(search).isEqualTo(ids(scanned));
            }
        }
        assertThat(count(database, "indexed", filter)).as("count of " + search).isEqualTo(count(database, "scanned", filter));
    }

    private static List<Document> run(MongoCollection<Document> collection, Bson filter, Bson sort, int skip, int limit) {
        FindIterable<Document> found = collection.find(filter).skip(skip).limit(limit);
        if (sort != null) {
            found = found.sort(sort);
        }
        return found.into(new ArrayList<>());
    }

    /** The count command: mongo-java-server answers it with the same query, so from an index too. */
    private static Object count(MongoDatabase database, String collection, Bson filter) {
        return database.runCommand(new Document("count", collection).append("query", filter)).get("n");
    }

    private static Set<Object> ids(List<Document> documents) {
        return documents.stream().map(document -> document.get("_id")).collect(Collectors.toSet());
    }

    /** Each document's values for the sort's fields, as the sort compares them. */
    private static List<List<Object>> sortKeys(List<Document> documents, Bson sort) {
        BsonDocument order = sort.toBsonDocument();
        return documents.stream().map(document -> {
            List<Object> key = new ArrayList<>();
            for (Map.Entry<String, BsonValue> field : order.entrySet()) {
                key.add(comparedAs(valueAt(document, field.getKey()), field.getValue().asNumber().intValue() > 0));
            }
            return key;
        }).toList();
    }

    private static Object valueAt(Document document, String path) {
        Object value = document;
        for (String part : path.split("\\.")) {
            value = value instanceof Document inner ? inner.get(part) : null;
        }
        return value;
    }

    /** Numbers by value, an array by its smallest element ascending and its largest descending, as the sort does. */
    private static Object comparedAs(Object value, boolean ascending) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof List<?> list && !list.isEmpty()) {
            Comparator<Object> byText = Comparator.comparing(Objects::toString);
            return comparedAs(ascending ? list.stream().min(byText).orElseThrow() : list.stream().max(byText).orElseThrow(),
                    ascending);
        }
        return value;
    }
}
