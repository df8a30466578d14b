package org.travesia.platform.mongo;

import java.time.Clock;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

import org.bson.Document;

/**
 * The one MongoDB database both services use, taken from {@code MONGODB_URI} (through Spring Boot's
 * {@code spring.data.mongodb.uri}). The database name is the URI's path, {@code travesia} by default.
 */
@AutoConfiguration(after = MongoAutoConfiguration.class)
@EnableConfigurationProperties(StoreConnectionProperties.class)
public class MongoDatabaseConfiguration {

    @Bean
    public MongoClientSettingsBuilderCustomizer storeTimeouts(StoreConnectionProperties properties) {
        return new StoreTimeouts(properties);
    }

    @Bean
    public MongoDatabase travesiaDatabase(MongoClient client, MongoProperties properties) {
        return client.getDatabase(properties.getMongoClientDatabase());
    }

    @Bean
    public StoreStorageMetrics storeStorageMetrics(MongoDatabase travesiaDatabase) {
        return new StoreStorageMetrics(travesiaDatabase, Clock.systemUTC());
    }

    /** Readiness depends on the store answering a ping: DOWN within the selection timeout while it is away. */
    @Bean
    public AbstractHealthIndicator mongoHealthIndicator(MongoDatabase travesiaDatabase) {
        return new AbstractHealthIndicator("MongoDB health check failed") {
            @Override
            protected void doHealthCheck(Health.Builder builder) {
                travesiaDatabase.runCommand(new Document("ping", 1));
                builder.up().withDetail("database", travesiaDatabase.getName());
            }
        };
    }
}
