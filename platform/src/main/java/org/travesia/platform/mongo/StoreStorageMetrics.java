package org.travesia.platform.mongo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.bson.Document;

import com.mongodb.MongoException;
import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The store's disk, as the store itself reports it ({@code dbStats}): free and total bytes of the filesystem its
 * data lives on, and how much the database takes there. MongoDB answers for the node that serves the command (the
 * primary); the embedded store for the disk under its file. Asked at most every {@value #CACHE_SECONDS} s, however
 * often Prometheus scrapes; NaN while the store does not answer.
 */
public class StoreStorageMetrics implements MeterBinder {

    private static final long CACHE_SECONDS = 30;

    private final MongoDatabase database;
    private final Clock clock;
    private Document lastStats;
    private Instant lastAsked = Instant.MIN;

    public StoreStorageMetrics(MongoDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("travesia.store.filesystem.free", this, m -> m.free()).baseUnit("bytes")
                .description("Free space on the filesystem holding the store's data").register(registry);
        Gauge.builder("travesia.store.filesystem.size", this, m -> m.number("fsTotalSize")).baseUnit("bytes")
                .description("Size of the filesystem holding the store's data").register(registry);
        Gauge.builder("travesia.store.storage.size", this, m -> m.number("storageSize")).baseUnit("bytes")
                .description("Space the database takes on that filesystem").register(registry);
    }

    private double free() {
        return number("fsTotalSize") - number("fsUsedSize");
    }

    private double number(String field) {
        Document stats = stats();
        return stats != null && stats.get(field) instanceof Number value ? value.doubleValue() : Double.NaN;
    }

    private synchronized Document stats() {
        Instant now = clock.instant();
        if (Duration.between(lastAsked, now).getSeconds() >= CACHE_SECONDS) {
            lastAsked = now;
            try {
                lastStats = database.runCommand(new Document("dbStats", 1));
            } catch (MongoException unavailable) {
                lastStats = null;
            }
        }
        return lastStats;
    }
}
