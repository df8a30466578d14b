package org.travesia.ops.system.mmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.travesia.ops.system.TravesiaSystem;
import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.TestTokens;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Both real MMP files imported into one system: every row accounted for, the quirks counted, and Travesía's counts
 * of dead and missing per MMP route and year equal to the sums this test computes from each file itself. Imported
 * again, the HDX file changes nothing.
 */
class MmpImportReconciliationTest {

    private static TestTokens tokens;
    private static TravesiaSystem system;
    private static JsonNode hdx;
    private static JsonNode web;

    @BeforeAll
    static void importBothFiles() {
        tokens = TestTokens.generate();
        system = TravesiaSystem.start(tokens.property());
        long started = System.nanoTime();
        hdx = MmpSamples.imported(analyst(), MmpSamples.bytes(MmpSamples.HDX), "");
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("MMP import of the HDX sample: %d rows in %.1f s, %.0f rows/s%n",
                hdx.get("rowsRead").asLong(), seconds, hdx.get("rowsRead").asLong() / seconds);
        web = MmpSamples.imported(analyst(), MmpSamples.bytes(MmpSamples.WEB_EXPORT), "");
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void everyRowOfTheHdxFileIsImportedAndItsQuirksCounted() {
        assertThat(hdx.get("state").asText()).as(hdx.toString()).isEqualTo("DONE");
        assertThat(hdx.get("layout").asText()).isEqualTo("HDX");
        assertThat(hdx.get("rowsRead").asLong()).isEqualTo(1390);
        assertThat(hdx.get("rejected").asLong()).as(hdx.get("errors").toString()).isZero();
        assertThat(hdx.get("created").asLong()).isEqualTo(1390);
        JsonNode quirks = hdx.get("quirks");
        assertThat(quirks.get("negativeCounts").asInt()).isEqualTo(4);
        assertThat(quirks.get("emptyCounts").asInt()).isPositive();
        assertThat(quirks.get("splitIncidentRows").asInt()).isEqualTo(66);
        assertThat(quirks.get("truncatedCoordinates").asInt()).isPositive();
        assertThat(quirks.get("causesFromFreeText").asInt()).isPositive();
    }

    @Test
    void everyRowOfTheWebExportIsImportedWithItsUsDates() {
        assertThat(web.get("state").asText()).as(web.toString()).isEqualTo("DONE");
        assertThat(web.get("layout").asText()).isEqualTo("WEB_EXPORT");
        assertThat(web.get("rowsRead").asLong()).isEqualTo(238);
        assertThat(web.get("rejected").asLong()).as(web.get("errors").toString()).isZero();
        assertThat(web.get("quirks").get("usDates").asInt()).isEqualTo(238);
        assertThat(web.get("quirks").get("noCountry").asInt()).isEqualTo(238);
        assertThat(web.get("quirks").get("negativeCounts").asInt()).isEqualTo(2);
    }

    @Test
    void deadAndMissingPerMmpRouteAndYearEqualTheFilesOwnSums() {
        awaitProjected();
        for (String file : List.of(MmpSamples.HDX, MmpSamples.WEB_EXPORT)) {
            Map<String, long[]> expected = sumsPerRouteAndYear(MmpSamples.rows(MmpSamples.bytes(file)));
            assertThat(expected).as(file).isNotEmpty();
            expected.forEach((routeAndYear, sums) -> {
                String[] parts = routeAndYear.split("\\|");
                JsonNode counts = reader().get("/api/v1/incidents/counts?mmpRoute="
                        + URLEncoder.encode(parts[0], StandardCharsets.UTF_8) + "&from=" + parts[1] + "-01-01&to="
                        + parts[1] + "-12-31").json();
                assertThat(new long[] {counts.get("affected").get("dead").asLong(),
                        counts.get("affected").get("missing").asLong()})
                        .as("%s: %s", file, routeAndYear).containsExactly(sums);
            });
        }
    }

    @Test
    void theSameFileImportedAgainChangesNothing() {
        JsonNode again = MmpSamples.imported(analyst(), MmpSamples.bytes(MmpSamples.HDX), "");

        assertThat(again.get("state").asText()).isEqualTo("DONE");
        assertThat(again.get("unchanged").asLong()).as(again.toString()).isEqualTo(1390);
        assertThat(again.get("created").asLong()).isZero();
        assertThat(again.get("updated").asLong()).isZero();
    }

    @Test
    void theMmpExportGivesBackTheFilesIncidentIdsAndFigures() {
        awaitProjected();
        Api.Response export = reader().get("/api/v1/exports/mmp?from=2014-01-01&to=2016-01-01");
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        List<List<String>> exported = MmpSamples.rows(export.body().getBytes(StandardCharsets.UTF_8));
        List<List<String>> original = MmpSamples.rows(MmpSamples.bytes(MmpSamples.HDX));

        Map<String, List<Long>> expected = figuresPerMainId(original);
        Map<String, List<Long>> given = figuresPerMainId(exported);
        assertThat(given).hasSameSizeAs(expected);
        expected.forEach((mainId, figures) -> assertThat(given.get(mainId)).as(mainId).isEqualTo(figures));
        Map<String, String> incidentIds = column(original, "Incident ID");
        column(exported, "Incident ID").forEach((mainId, incidentId) -> {
            if (!incidentId.equals(mainId)) {
                assertThat(incidentId).as("the incident id of %s", mainId).isEqualTo(incidentIds.get(mainId));
            }
        });
        assertThat(column(exported, "Licence").values()).containsOnly("CC BY-IGO");
        assertThat(column(exported, "Attribution").values()).containsOnly("IOM Missing Migrants Project");
    }

    /**
     * The figures of each MMP incident (the rows of a split one summed): dead, missing, survivors, females, males,
     * children, each null where every row leaves it empty; by Main ID, stripped.
     */
    private static Map<String, List<Long>> figuresPerMainId(List<List<String>> rows) {
        List<String> header = rows.get(0);
        int mainId = indexOf(header, "Main ID");
        List<Integer> columns = List.of(indexOf(header, "Number of Dead"),
                indexOf(header, "Minimum Estimated Number of Missing"), indexOf(header, "Number of Survivors"),
                indexOf(header, "Number of Females"), indexOf(header, "Number of Males"),
                indexOf(header, "Number of Children"));
        Map<String, List<Long>> figures = new TreeMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            List<Long> sums = figures.computeIfAbsent(row.get(mainId).strip(),
                    k -> new java.util.ArrayList<>(java.util.Collections.nCopies(columns.size(), (Long) null)));
            for (int i = 0; i < columns.size(); i++) {
                String cell = row.get(columns.get(i));
                if (!cell.isBlank()) {
                    sums.set(i, (sums.get(i) == null ? 0 : sums.get(i)) + number(cell));
                }
            }
        }
        return figures;
    }

    /**
     * A column's cell by Main ID (the last row's, for a split incident), both stripped as the import strips them (one
     * real row's Main ID is "it will be included ", with its space).
     */
    private static Map<String, String> column(List<List<String>> rows, String name) {
        int mainId = indexOf(rows.get(0), "Main ID");
        int column = indexOf(rows.get(0), name);
        Map<String, String> cells = new TreeMap<>();
        rows.subList(1, rows.size()).forEach(row -> cells.put(row.get(mainId).strip(), row.get(column).strip()));
        return cells;
    }

    /** Dead and missing summed per route name and year, by header name; empty is none, "1,022" is 1022. */
    private static Map<String, long[]> sumsPerRouteAndYear(List<List<String>> rows) {
        List<String> header = rows.get(0);
        int route = indexOf(header, "Migration Route", "Migration route");
        int year = indexOf(header, "Incident Year", "Year");
        int dead = indexOf(header, "Number of Dead", "Number Dead");
        int missing = indexOf(header, "Minimum Estimated Number of Missing");
        Map<String, long[]> sums = new TreeMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.get(route).isBlank()) {
                continue;
            }
            long[] sum = sums.computeIfAbsent(row.get(route) + "|" + row.get(year), k -> new long[2]);
            sum[0] += number(row.get(dead));
            sum[1] += number(row.get(missing));
        }
        return sums;
    }

    private static int indexOf(List<String> header, String... names) {
        for (String name : names) {
            if (header.contains(name)) {
                return header.indexOf(name);
            }
        }
        throw new AssertionError("no column " + names[0]);
    }

    private static long number(String cell) {
        String digits = cell.strip().replace(",", "");
        return digits.isEmpty() ? 0 : Long.parseLong(digits);
    }

    private static Api analyst() {
        return system.commands().bearer(tokens.token("ana", "org-a", "ANALYST"));
    }

    private static Api reader() {
        return system.queries().bearer(tokens.token("ana", "org-a", "ANALYST"));
    }

    /** One incident per Main ID of both files, once the query side has them all. */
    private static void awaitProjected() {
        long incidents = java.util.stream.Stream.of(MmpSamples.HDX, MmpSamples.WEB_EXPORT)
                .mapToLong(file -> MmpSamples.rows(MmpSamples.bytes(file)).stream().skip(1).map(row -> row.get(0))
                        .distinct().count()).sum();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(2)).until(() ->
                reader().get("/api/v1/incidents/counts").json().get("incidents").asLong() == incidents);
    }
}
