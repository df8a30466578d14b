package org.travesia.platform.mongo;

import java.util.concurrent.TimeUnit;

import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.core.Ordered;

import com.mongodb.MongoClientSettings;

/**
 * Fails fast when the store is away: operations give up after the configured server selection timeout, and new
 * connections after as long. Runs before Spring Boot applies {@code MONGODB_URI}, so options in the URI still win.
 */
final class StoreTimeouts implements MongoClientSettingsBuilderCustomizer, Ordered {

    private final StoreConnectionProperties properties;

    StoreTimeouts(StoreConnectionProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(MongoClientSettings.Builder settings) {
        long millis = properties.serverSelectionTimeout().toMillis();
        settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout((int) millis, TimeUnit.MILLISECONDS));
    }

    @Override
    public int getOrder() {
        return -1;
    }
}
