package org.travesia.ops.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.Reports;
import org.travesia.platform.testing.TestTokens;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Exports for each audience: the public never gets personal data, free text or small counts; the network gets what
 * is shared with it; nobody gets another organisation's organisation-only reports; every export is audited, each
 * record findable in it however many chunks its ids took. Values are typed in the JSON formats.
 */
class ExportTest {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final String ROUTE = "export-route";
    private static final String COARSENING_ROUTE = "coarsening-route";
    private static TestTokens tokens;
    private static TravesiaSystem system;
    private static String published;
    private static String shared;
    private static String organisationOnly;
    private static Instant beforeCorrection;

    @BeforeAll
    static void start() {
        tokens = TestTokens.generate();
        // One record id per audit chunk and two incidents per read: every export here spans several of each.
        system = TravesiaSystem.start(tokens.property(), "travesia.audit.chunk-size=1", "travesia.snapshot.batch-size=2");
        published = report("PUBLIC", Reports.kidnapping().onRoute(ROUTE, null).affected(Map.of("dead", 2, "missing", 12))
                .with("description", "=HYPERLINK(\"http://x\") Maria Lopez, 17, taken at the river")
                .withPlace("locality", "Bajo Chiquito shelter").withPlace("coordinates", Map.of("lat", 8.0412, "lon", -77.6541)));
        shared = report("NETWORK", Reports.kidnapping().onRoute(ROUTE, null).with("description", "network detail")
                .withPlace("coordinates", null).withPlace("precision", "ADMIN"));
        organisationOnly = report("ORGANISATION", Reports.kidnapping().onRoute(ROUTE, null)
                .with("description", "internal detail"));
        for (String admin1 : List.of("darien", "PA-8", "Finca de Juan Pérez, 3 km past the bridge")) {
            report("PUBLIC", Reports.kidnapping().withPlace("admin1", admin1).onRoute(COARSENING_ROUTE, null));
        }
        beforeCorrection = Instant.now();
        Api analyst = system.commands().bearer(tokens.token("ana", "org-a", "ANALYST"));
        Api.Response amended = analyst.post("/api/v1/incidents/" + published + "/amendments", Map.of("expectedVersion", 0,
                "reason", "bodies recovered", "changes", Map.of("affected", Map.of("dead", 7))));
        assertThat(amended.status()).as(amended.toString()).isEqualTo(200);
        assertThat(system.queries().bearer(tokens.token("ana", "org-a", "ANALYST"))
                .get("/api/v1/incidents/" + published + "?minVersion=1").status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void aPublicCsvHoldsPublishedReportsWithoutPersonalDataFreeTextOrSmallCounts() {
        Api.Response export = advocate("org-b").get("/api/v1/exports/incidents?format=csv&audience=public&route=" + ROUTE);

        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        assertThat(export.header("Content-Type")).startsWith("text/csv");
        assertThat(export.header("Content-Disposition")).contains("attachment");
        List<String> lines = export.body().lines().toList();
        assertThat(lines).hasSize(2);
        Map<String, String> row = row(lines.get(0), lines.get(1));
        assertThat(row.get("incidentId")).isEqualTo(published);
        assertThat(row.get("description")).isEmpty();
        assertThat(row.get("locality")).isEmpty();
        assertThat(row.get("organisation")).isEmpty();
        assertThat(row.get("reportedBy")).isEmpty();
        assertThat(row.get("dead")).isEqualTo("7");
        assertThat(row.get("missing")).isEqualTo("12");
        assertThat(row.get("lat")).isEqualTo("8.0");
        assertThat(row.get("lon")).isEqualTo("-77.7");
        assertThat(row.get("locationPrecision")).isEqualTo("KM_15");
        assertThat(export.body()).doesNotContain("Maria").doesNotContain("shelter").doesNotContain(shared);
    }

    @Test
    void thePublicGetsTimesToTheDay() {
        JsonNode items = advocate("org-b").get("/api/v1/exports/incidents?format=json&audience=public&route="
                + COARSENING_ROUTE).json().get("items");

        assertThat(items).hasSize(3);
        items.forEach(item -> {
            assertThat(item.get("recordedAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(item.get("updatedAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        });
        JsonNode network = advocate("org-b").get("/api/v1/exports/incidents?format=json&audience=network&route="
                + COARSENING_ROUTE).json().get("items").get(0);
        assertThat(network.get("recordedAt").asText()).as("the network keeps the instant").contains("T");
    }

    @Test
    void thePublicGetsAdmin1OnlyAsARecognisedSubdivisionInItsCanonicalForm() {
        Api.Response export = advocate("org-b").get("/api/v1/exports/incidents?format=json&audience=public&route="
                + COARSENING_ROUTE);

        List<String> admin1 = new java.util.ArrayList<>();
        export.json().get("items").forEach(item -> admin1.add(item.get("admin1").isNull() ? null
                : item.get("admin1").asText()));
        assertThat(admin1).containsExactlyInAnyOrder("Darién", "Panamá", null);
        assertThat(export.body()).doesNotContain("Finca", "Juan");
        assertThat(advocate("org-b").get("/api/v1/exports/incidents?format=json&audience=network&route="
                + COARSENING_ROUTE).body()).as("the network keeps what was recorded").contains("Finca de Juan", "darien");
    }

    @Test
    void smallCountsAreShownAsARangeForThePublic() {
        Api.Response asReported = advocate("org-b").get("/api/v1/exports/incidents?format=json&audience=public&route="
                + ROUTE + "&asOf=" + beforeCorrection);

        JsonNode item = asReported.json().get("items").get(0);
        assertThat(item.get("dead").asText()).as("2 dead, as first reported").isEqualTo("<5");
        assertThat(item.get("missing").asText()).isEqualTo("12");
    }

    @Test
    void hxlAddsHashtagsAndCsvCellsNeverRunAsFormulas() {
        Api.Response hxl = analyst("org-a").get("/api/v1/exports/incidents?format=hxl&audience=internal&route=" + ROUTE);

        List<String> lines = hxl.body().lines().toList();
        assertThat(lines.get(1)).startsWith("#event+id,#status");
        assertThat(lines.get(1)).contains("#affected+killed", "#geo+lat", "#adm1+name");
        String publishedLine = lines.stream().filter(l -> l.startsWith(published)).findFirst().orElseThrow();
        assertThat(publishedLine).contains("\"'=HYPERLINK(\"\"http://x\"\")");
        assertThat(publishedLine).contains("-77.6541").doesNotContain("'-77");
    }

    @Test
    void geoJsonPlacesEachIncidentAtItsPoint() {
        JsonNode geo = advocate("org-b").get("/api/v1/exports/incidents?format=geojson&audience=network&route=" + ROUTE).json();

        assertThat(geo.get("type").asText()).isEqualTo("FeatureCollection");
        JsonNode feature = null;
        for (JsonNode f : geo.get("features")) {
            if (f.get("id").asText().equals(published)) {
                feature = f;
            }
        }
        assertThat(feature).isNotNull();
        assertThat(feature.get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(-77.6541);
        assertThat(feature.get("properties").get("description").asText()).startsWith("=HYPERLINK");
    }

    @Test
    void ndjsonGivesOneIncidentPerLineWithNumbersAsNumbers() throws Exception {
        Api.Response network = advocate("org-b").get("/api/v1/exports/incidents?format=ndjson&audience=network&route="
                + ROUTE);

        assertThat(network.header("Content-Type")).startsWith("application/x-ndjson");
        List<JsonNode> lines = new java.util.ArrayList<>();
        for (String line : network.body().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).extracting(line -> line.get("incidentId").asText()).containsExactlyInAnyOrder(published, shared);
        JsonNode row = lines.stream().filter(line -> line.get("incidentId").asText().equals(published)).findFirst()
                .orElseThrow();
        assertThat(row.get("dead").isInt()).as(row.toString()).isTrue();
        assertThat(row.get("dead").asInt()).isEqualTo(7);
        assertThat(row.get("missing").asInt()).isEqualTo(12);
        assertThat(row.get("lat").isNumber()).isTrue();
        assertThat(row.get("lat").asDouble()).isEqualTo(8.0412);
        assertThat(row.get("description").isTextual()).isTrue();

        JsonNode asReported = JSON.readTree(advocate("org-b").get("/api/v1/exports/incidents?format=ndjson&audience=public"
                + "&route=" + ROUTE + "&asOf=" + beforeCorrection).body());
        assertThat(asReported.get("dead").asText()).as("the one string a count may be, for the public").isEqualTo("<5");
        assertThat(asReported.get("missing").isInt()).isTrue();
        assertThat(asReported.get("lat").isNumber()).isTrue();
        assertThat(asReported.get("lat").asDouble()).isEqualTo(8.0);
    }

    @Test
    void geoJsonGivesANullGeometryWhereTheLocationIsUnknown() {
        JsonNode geo = advocate("org-b").get("/api/v1/exports/incidents?format=geojson&audience=network&route=" + ROUTE).json();

        for (JsonNode feature : geo.get("features")) {
            if (feature.get("id").asText().equals(shared)) {
                assertThat(feature.get("geometry").isNull()).as(feature.toString()).isTrue();
            } else {
                assertThat(feature.get("geometry").get("coordinates").get(1).asDouble()).isEqualTo(8.0412);
            }
        }
    }

    @Test
    void noAudienceEverGetsAnotherOrganisationsOrganisationOnlyReports() {
        String networkExport = advocate("org-b").get("/api/v1/exports/incidents?format=json&audience=network&route=" + ROUTE).body();
        String otherInternal = analyst("org-b").get("/api/v1/exports/incidents?format=json&audience=internal&route=" + ROUTE).body();
        String ownInternal = analyst("org-a").get("/api/v1/exports/incidents?format=json&audience=internal&route=" + ROUTE).body();

        assertThat(networkExport).contains(published, shared).doesNotContain(organisationOnly);
        assertThat(otherInternal).contains(published, shared).doesNotContain(organisationOnly);
        assertThat(ownInternal).contains(published, shared, organisationOnly);
        assertThat(advocate("org-a").get("/api/v1/exports/incidents?audience=internal").status()).isEqualTo(403);
        assertThat(system.queries().bearer(tokens.token("maria", "org-a", "MONITOR"))
                .get("/api/v1/exports/incidents").status()).isEqualTo(403);
        assertThat(advocate("org-a").get("/api/v1/exports/incidents?format=pdf").status()).isEqualTo(400);
    }

    @Test
    void everyExportIsAuditedWithItsDefinitionItsRecordsAndTheDigestOfWhatWasSent() throws Exception {
        Api.Response export = advocate("org-b").get("/api/v1/exports/incidents?format=csv&audience=network&route=" + ROUTE);
        String entryId = export.header("Travesia-Export-Audit-Entry");

        Api admin = system.queries().bearer(tokens.token("root", "org-b", "ADMIN"));
        JsonNode entry = admin.get("/api/v1/audit?action=EXPORT&user=advocate-org-b").json().get("items").get(0);
        assertThat(entry.get("id").asText()).isEqualTo(entryId);
        assertThat(entry.get("resource").asText()).isEqualTo("incidents.export.csv.network");
        assertThat(entry.get("query").asText()).contains("audience=network");
        JsonNode definition = entry.get("details").get("definition");
        assertThat(definition.get("audience").asText()).isEqualTo("NETWORK");
        assertThat(definition.get("filters").get("route").asText()).isEqualTo(ROUTE);
        assertThat(definition.get("position").asLong()).isEqualTo(Long.parseLong(export.header("Travesia-Export-Position")))
                .isPositive();
        JsonNode ending = admin.get("/api/v1/audit?action=EXPORT_FINISHED&user=advocate-org-b").json().get("items").get(0);
        assertThat(ending.get("details").get("entry").asText()).isEqualTo(entryId);
        assertThat(ending.get("details").get("completed").asBoolean()).isTrue();
        assertThat(ending.get("details").get("rows").asInt()).isEqualTo(2);
        assertThat(ending.get("details").get("sha256").asText()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(export.body().getBytes(
                        java.nio.charset.StandardCharsets.UTF_8))));
        for (String record : List.of(published, shared)) {
            assertThat(admin.get("/api/v1/audit?action=EXPORT&recordId=" + record).json().get("items").toString())
                    .contains(entryId);
        }
        assertThat(admin.get("/api/v1/audit?action=EXPORT&recordId=" + organisationOnly).json().get("items")
                .toString()).doesNotContain(entryId);
    }

    private static Api advocate(String organisation) {
        return system.queries().bearer(tokens.token("advocate-" + organisation, organisation, "ADVOCATE"));
    }

    private static Api analyst(String organisation) {
        return system.queries().bearer(tokens.token("analyst-" + organisation, organisation, "ANALYST"));
    }

    private static String report(String sharing, Reports report) {
        String monitor = tokens.token("maria", "org-a", "MONITOR");
        Api.Response created = system.commands().bearer(monitor)
                .post("/api/v1/incidents", report.sharedWith(sharing).consentingTo("PROTECTION", "ADVOCACY_AGGREGATED")
                        .build());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("incidentId").asText();
        assertThat(system.queries().bearer(monitor).get("/api/v1/incidents/" + id + "?minVersion=0").status()).isEqualTo(200);
        return id;
    }

    /** Parses one simple CSV data line (no embedded commas) against its header. */
    private static Map<String, String> row(String header, String line) {
        List<String> names = Arrays.asList(header.split(",", -1));
        List<String> values = Arrays.asList(line.split(",", -1));
        assertThat(values).hasSameSizeAs(names);
        java.util.Map<String, String> row = new java.util.LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            row.put(names.get(i), values.get(i));
        }
        return row;
    }
}
