package org.travesia.command.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.travesia.command.CommandServiceApplication;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.Reports;
import org.travesia.platform.testing.RunningService;

/**
 * An incident's id comes from the organisation and the client's report id under a server secret (issue 7, item 13):
 * a retry still reaches its incident, but nobody without the secret can compute the id from a guessable report id,
 * and so link a public export row to the organisation that reported it.
 */
class KeyedIncidentIdsTest {

    private static EmbeddedMongo mongo;
    private static RunningService service;
    private static EmbeddedMongo otherMongo;
    private static RunningService otherDeployment;

    @BeforeAll
    static void start() {
        mongo = EmbeddedMongo.inMemory();
        service = RunningService.start(CommandServiceApplication.builder(), mongo.uri());
        otherMongo = EmbeddedMongo.inMemory();
        otherDeployment = RunningService.start(CommandServiceApplication.builder(), otherMongo.uri());
    }

    @AfterAll
    static void stop() {
        otherDeployment.close();
        otherMongo.close();
        service.close();
        mongo.close();
    }

    @Test
    void aRetryReachesTheSameIncident() {
        Reports report = Reports.kidnapping().with("clientReportId", "report-1");

        assertThat(idOf(service.api(), report)).isEqualTo(idOf(service.api(), report));
    }

    @Test
    void theIdIsNotTheNameBasedUuidOfTheOrganisationAndTheReportId() {
        String id = idOf(service.api(), Reports.kidnapping().with("clientReportId", "report-2"));

        String offline = UUID.nameUUIDFromBytes("incident\u0000local\u0000report-2".getBytes(StandardCharsets.UTF_8))
                .toString();
        assertThat(id).isNotEqualTo(offline);
    }

    @Test
    void anotherDeploymentWithItsOwnSecretGivesTheSameReportAnotherId() {
        Reports report = Reports.kidnapping().with("clientReportId", "report-3");

        assertThat(idOf(otherDeployment.api(), report))
                .as("the id depends on a secret, not only on what the client sent")
                .isNotEqualTo(idOf(service.api(), report));
    }

    private static String idOf(Api api, Reports report) {
        Api.Response created = api.as("monitor").post("/api/v1/incidents", report.build());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("incidentId").asText();
    }
}
