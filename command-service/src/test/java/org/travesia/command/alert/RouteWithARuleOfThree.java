package org.travesia.command.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.travesia.kernel.alert.RouteAlertRaised;
import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.Reports;
import org.travesia.platform.testing.RunningService;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/**
 * A route with a rule of three kidnappings in seven days on a running command-service, defined by an analyst and
 * known to route assignment; reports on it, and the alerts the route raised.
 */
final class RouteWithARuleOfThree {

    final String routeId;
    private final RunningService service;

    private RouteWithARuleOfThree(RunningService service, String routeId) {
        this.service = service;
        this.routeId = routeId;
    }

    static RouteWithARuleOfThree define(RunningService service, MongoDatabase database, String routeId) {
        Api analyst = service.api().as("analyst");
        assertThat(analyst.post("/api/v1/routes", Map.of("routeId", routeId, "name", Map.of("en", routeId,
                "es", routeId), "countries", List.of("PA"))).status()).isEqualTo(201);
        assertThat(analyst.post("/api/v1/routes/" + routeId + "/alert-rules", Map.of("ruleId", "k3",
                "kind", "THRESHOLD", "incidentTypes", List.of("KIDNAPPING"), "minCount", 3, "windowDays", 7))
                .status()).isEqualTo(201);
        // A report may name a route once route assignment, which answers whether it exists, has taken it in.
        await().atMost(Duration.ofSeconds(20)).until(() -> database.getCollection("assignment_segments")
                .countDocuments(Filters.eq("_id", "~route:" + routeId)) == 1);
        return new RouteWithARuleOfThree(service, routeId);
    }

    /** A monitor's report of a kidnapping on the route that day; its incident id. */
    String report(String day) {
        return report(day, "KIDNAPPING");
    }

    String report(String day, String type) {
        Api.Response created = service.api().as("monitor").post("/api/v1/incidents", Reports.kidnapping()
                .with("type", type).with("occurredAt", day).onRoute(routeId, null).build());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("incidentId").asText();
    }

    List<RouteAlertRaised> raised() {
        return service.bean(EventStore.class).readEvents(routeId).asStream()
                .filter(event -> event.getPayload() instanceof RouteAlertRaised)
                .map(event -> (RouteAlertRaised) event.getPayload()).toList();
    }
}
