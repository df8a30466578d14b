package org.travesia.platform.audit;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.travesia.platform.eventstore.EventStoreProperties;
import org.travesia.platform.mongo.MongoDatabaseConfiguration;

import com.mongodb.client.MongoDatabase;

/** The audit log of restricted reads and exports, with the same durability as the events. */
@AutoConfiguration(after = MongoDatabaseConfiguration.class)
@EnableConfigurationProperties(EventStoreProperties.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class AuditConfiguration {

    @Bean
    public AuditLog auditLog(MongoDatabase travesiaDatabase, EventStoreProperties eventStore,
                             @Value("${travesia.audit.chunk-size:1000}") int chunkSize) {
        return new AuditLog(travesiaDatabase, eventStore.mongoWriteConcern(), Clock.systemUTC(), chunkSize);
    }
}
