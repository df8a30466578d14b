package org.travesia.command.route.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.travesia.command.testing.ServiceLosingOneToken;
import org.travesia.kernel.incident.IncidentRouteDerived;
import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.Reports;

/**
 * A segment drawn around an incident already reported derives the incident's route, and the derivation is recorded
 * once, even when the service dies after the batch's writes and before its token: the batch comes again to a state
 * that already remembers the derivation, so the incident must have recorded it before that state was written.
 */
class DerivationSurvivesALostTokenTest {

    private static final double LAT = 8.0412;
    private static final double LON = -77.6541;

    private ServiceLosingOneToken system;

    @BeforeEach
    void start() {
        system = ServiceLosingOneToken.start(RouteAssignmentProcessor.PROCESSING_GROUP);
    }

    @AfterEach
    void stop() {
        system.close();
    }

    @Test
    void aSegmentDrawnAroundAReportDerivesItsRouteOnceAcrossALostToken() {
        Api analyst = system.service.api().as("analyst");
        assertThat(analyst.post("/api/v1/routes", Map.of("routeId", "crash", "name", Map.of("en", "Crash",
                "es", "Caída"), "countries", List.of("PA"))).status()).isEqualTo(201);
        var report = system.service.api().as("monitor").post("/api/v1/incidents", Reports.kidnapping()
                .withPlace("coordinates", Map.of("lat", LAT, "lon", LON)).build());
        assertThat(report.status()).isEqualTo(201);
        String incidentId = report.json().get("incidentId").asText();
        await().atMost(Duration.ofSeconds(20)).until(this::assignmentAtHead);

        system.tokens.arm();
        assertThat(analyst.post("/api/v1/routes/crash/segments", square("river")).status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).until(() -> system.tokens.failed() && assignmentAtHead());
        assertThat(derivations(incidentId)).as("derived once, on the segment drawn")
                .extracting(IncidentRouteDerived::segmentId).containsExactly("river");
    }

    private List<IncidentRouteDerived> derivations(String incidentId) {
        return system.service.bean(EventStore.class).readEvents(incidentId).asStream()
                .filter(event -> event.getPayload() instanceof IncidentRouteDerived)
                .map(DomainEventMessage::getPayload).map(IncidentRouteDerived.class::cast).toList();
    }

    private boolean assignmentAtHead() {
        long head = system.service.bean(EventStore.class).createHeadToken().position().orElse(-1);
        var statuses = system.service.bean(EventProcessingConfiguration.class)
                .eventProcessor(RouteAssignmentProcessor.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow().processingStatus().values();
        return !statuses.isEmpty() && statuses.stream()
                .allMatch(status -> !status.isErrorState() && status.getCurrentPosition().orElse(-1) >= head);
    }

    private static Map<String, Object> square(String segmentId) {
        double half = 0.2;
        List<List<Double>> ring = List.of(List.of(LON - half, LAT - half), List.of(LON + half, LAT - half),
                List.of(LON + half, LAT + half), List.of(LON - half, LAT + half), List.of(LON - half, LAT - half));
        return Map.of("segmentId", segmentId, "name", Map.of("en", "River", "es", "Río"),
                "geometry", Map.of("type", "Polygon", "coordinates", List.of(ring)));
    }
}
