package org.travesia.command.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.BsonValue;

import com.mongodb.MongoClientSettings;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** Counts the write commands (insert, update, delete: one per bulk write) a client sends, per collection. */
public final class WritesPerCollection implements CommandListener {

    private final Map<String, AtomicInteger> writes = new ConcurrentHashMap<>();

    /** A client of the store at {@code uri} whose writes this counts. */
    public MongoClient client(String uri) {
        return MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri))
                .addCommandListener(this).build());
    }

    public int to(String collection) {
        return writes.getOrDefault(collection, new AtomicInteger()).get();
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (event.getCommandName().equals("insert") || event.getCommandName().equals("update")
                || event.getCommandName().equals("delete")) {
            BsonValue collection = event.getCommand().get(event.getCommandName());
            writes.computeIfAbsent(collection.asString().getValue(), name -> new AtomicInteger()).incrementAndGet();
        }
    }
}
