package org.travesia.query.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.travesia.query.risk.RiskReader.incidents;

import java.time.Duration;
import java.time.Instant;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.kernel.common.MetadataKeys;
import org.travesia.kernel.common.Role;
import org.travesia.kernel.incident.IncidentReported;
import org.travesia.platform.testing.RunningService;
import org.travesia.query.QueryServiceApplication;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/**
 * Review finding: a store of the older layout whose last query-service died without releasing its claims on
 * route-risk (a crash, a SIGKILL, the store going away first) is upgraded at the next start, once those claims have
 * timed out, as any processor takes over a dead instance's segments. No other instance is running.
 */
class OlderLayoutAfterAnUncleanStopTest {

    private final EmbeddedMongo mongo = EmbeddedMongo.inMemory();
    private RunningService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        mongo.close();
    }

    @Test
    void theUpgradeStartsOnceTheDeadInstancesClaimsHaveTimedOut() {
        service = RunningService.start(QueryServiceApplication.builder(), mongo.uri());
        report(RiskEvents.about("incident-1").incidentReported());
        RiskReader analyst = RiskReader.of(service.bean(RiskBuckets.class), "org-a", Role.ANALYST);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .untilAsserted(() -> assertThat(incidents(analyst.total("jungle"))).isEqualTo(1));
        service.close();
        service = null;
        // What the older build leaves when it dies: its buckets, and its claims on route-risk, fresh.
        mongo.database().getCollection("risk_weeks").insertOne(new Document("_id", RiskEvents.ROUTE + "|2026-11-16"));
        mongo.database().getCollection("tracking_tokens").updateMany(
                Filters.eq("processorName", RiskProjection.PROCESSING_GROUP),
                Updates.combine(Updates.set("owner", "an-instance-that-died"),
                        Updates.set("timestamp", Instant.now().toEpochMilli())));

        service = RunningService.start(QueryServiceApplication.builder(), mongo.uri());

        RiskReader afterUpgrade = RiskReader.of(service.bean(RiskBuckets.class), "org-a", Role.ANALYST);
        await().atMost(Duration.ofSeconds(40)).ignoreExceptions()
                .untilAsserted(() -> assertThat(incidents(afterUpgrade.total("jungle"))).isEqualTo(1));
    }

    private void report(IncidentReported event) {
        service.bean(EventStore.class).publish(new GenericDomainEventMessage<>("Incident", event.incidentId(), 0, event,
                MetaData.with(MetadataKeys.USER, "monitor").and(MetadataKeys.ORGANISATION, "org-a")));
    }
}
