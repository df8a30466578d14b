package org.travesia.ops.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.Reports;
import org.travesia.platform.testing.TestTokens;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Each export audience needs a consent use: the public {@code ADVOCACY_AGGREGATED}, the network {@code PROTECTION},
 * an internal export {@code PROTECTION} for another organisation's reports, and a declared purpose its own use. A
 * report without it is withheld, and the answer and the audit log say how many were withheld and why.
 */
class ConsentPerAudienceTest {

    private static final String ROUTE = "consent-route";
    private static TestTokens tokens;
    private static TravesiaSystem system;
    private static String noConsent;
    private static String aggregatedOnly;
    private static String protectionOnly;
    private static String everyUse;
    private static String withdrawn;
    private static String beforeWithdrawal;

    @BeforeAll
    static void start() {
        tokens = TestTokens.generate();
        system = TravesiaSystem.start(tokens.property());
        noConsent = report(Reports.kidnapping().consentingTo());
        aggregatedOnly = report(Reports.kidnapping().consentingTo("ADVOCACY_AGGREGATED"));
        protectionOnly = report(Reports.kidnapping().consentingTo("PROTECTION"));
        everyUse = report(Reports.kidnapping().consentingTo("PROTECTION", "ADVOCACY_AGGREGATED", "LITIGATION"));
        withdrawn = report(Reports.kidnapping().consentingTo("PROTECTION", "ADVOCACY_AGGREGATED"));
        beforeWithdrawal = ownAnalyst().get("/api/v1/incidents/" + withdrawn + "/history").json().get("items").get(0)
                .get("recordedAt").asText();
        Api.Response withdrawal = system.commands().bearer(tokens.token("ana", "org-a", "ANALYST")).post(
                "/api/v1/incidents/" + withdrawn + "/amendments", Map.of("expectedVersion", 0,
                        "reason", "the family withdrew consent", "changes", Map.of("consent", Map.of("obtained", false))));
        assertThat(withdrawal.status()).as(withdrawal.toString()).isEqualTo(200);
        assertThat(ownAnalyst().get("/api/v1/incidents/" + withdrawn + "?minVersion=1").status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void thePublicGetsOnlyReportsConsentedForAggregatedAdvocacy() {
        Api.Trailed export = otherAdvocate().getWithTrailers(export("public"));

        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        assertThat(export.body()).contains(aggregatedOnly, everyUse)
                .doesNotContain(noConsent, protectionOnly, withdrawn);
        // Withheld and said after the rows, counted as they were read: only what org-b may read as the network
        // (protection only); org-a's reports without the protection consent are not there for org-b at all, so not
        // even counted.
        assertThat(export.header("Trailer")).isEqualTo("Travesia-Withheld");
        assertThat(export.header("Travesia-Withheld")).as("no count before the first byte").isNull();
        assertThat(export.trailer("Travesia-Withheld")).isEqualTo("1;reason=\"consent\";uses=\"ADVOCACY_AGGREGATED\"");
    }

    @Test
    void theNetworkGetsOnlyReportsConsentedForProtection() {
        Api.Trailed export = otherAdvocate().getWithTrailers(export("network"));

        assertThat(export.body()).contains(protectionOnly, everyUse).doesNotContain(noConsent, aggregatedOnly, withdrawn);
        assertThat(export.trailer("Travesia-Withheld")).as("reports org-b may not read are not counted either")
                .startsWith("0;");
    }

    @Test
    void anInternalExportNeedsProtectionConsentOnlyForAnotherOrganisationsReports() {
        Api.Trailed own = ownAnalyst().getWithTrailers(export("internal"));
        Api.Trailed other = otherAnalyst().getWithTrailers(export("internal"));

        assertThat(own.body()).contains(noConsent, aggregatedOnly, protectionOnly, everyUse, withdrawn);
        assertThat(own.trailer("Travesia-Withheld")).startsWith("0;");
        assertThat(other.body()).contains(protectionOnly, everyUse).doesNotContain(noConsent, aggregatedOnly, withdrawn);
        assertThat(other.trailer("Travesia-Withheld")).startsWith("0;");
    }

    @Test
    void aDeclaredPurposeNeedsConsentForThatUse() {
        Api.Trailed litigation = ownAnalyst().getWithTrailers(export("internal") + "&purpose=LITIGATION");

        assertThat(litigation.body()).contains(everyUse)
                .doesNotContain(noConsent, aggregatedOnly, protectionOnly, withdrawn);
        assertThat(litigation.trailer("Travesia-Withheld")).startsWith("4;reason=\"consent\"").contains("LITIGATION");
        assertThat(ownAnalyst().get(export("internal") + "&purpose=SELLING").status()).isEqualTo(400);
    }

    @Test
    void consentWithdrawnSinceBindsExportsAsOfEarlier() {
        Api.Trailed then = otherAdvocate().getWithTrailers(export("public") + "&asOf=" + beforeWithdrawal);

        assertThat(then.body()).contains(aggregatedOnly, everyUse).doesNotContain(withdrawn);
        assertThat(then.trailer("Travesia-Withheld")).as("protection only; the others org-b may not read now")
                .startsWith("1;");
    }

    @Test
    void theAuditEntrySaysHowManyRowsWereWithheldAndWhy() {
        Api.Response export = otherAdvocate().get(export("public").replace("format=json", "format=csv"));
        assertThat(export.status()).as(export.toString()).isEqualTo(200);

        JsonNode entry = system.queries().bearer(tokens.token("root", "org-b", "ADMIN"))
                .get("/api/v1/audit?action=EXPORT&user=pablo").json().get("items").get(0);
        assertThat(entry.get("resource").asText()).isEqualTo("incidents.export.csv.public");
        JsonNode ending = system.queries().bearer(tokens.token("root", "org-b", "ADMIN"))
                .get("/api/v1/audit?action=EXPORT_FINISHED&user=pablo").json().get("items").get(0);
        assertThat(ending.get("details").get("rows").asInt()).isEqualTo(2);
        assertThat(entry.get("details").has("withheld")).as("counted as the rows are read, so told at the end")
                .isFalse();
        JsonNode withheld = ending.get("details").get("withheld");
        assertThat(withheld.get("rows").asInt()).isEqualTo(1);
        assertThat(withheld.get("reason").asText()).isEqualTo("consent");
        assertThat(withheld.get("uses")).extracting(JsonNode::asText).containsExactly("ADVOCACY_AGGREGATED");
        assertThat(entry.toString()).doesNotContain(noConsent, protectionOnly, withdrawn);
    }

    @Test
    void theCallerReadsTheReceiptOfTheirOwnExportAndNobodyElseDoes() throws Exception {
        Api.Response export = otherAdvocate().get(export("public").replace("format=json", "format=csv"));
        String receiptPath = "/api/v1/exports/receipts/" + export.header("Travesia-Export-Audit-Entry");

        Api.Response receipt = otherAdvocate().get(receiptPath);

        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(200);
        assertThat(receipt.json().get("completed").asBoolean()).isTrue();
        assertThat(receipt.json().get("rows").asInt()).isEqualTo(2);
        assertThat(receipt.json().get("withheld").get("rows").asInt()).as("for clients that get no trailer").isEqualTo(1);
        assertThat(receipt.json().get("sha256").asText()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(export.body().getBytes(StandardCharsets.UTF_8))));
        assertThat(otherAnalyst().get(receiptPath).status()).as("another user of the same organisation").isEqualTo(404);
        assertThat(ownAnalyst().get(receiptPath).status()).as("another organisation").isEqualTo(404);
        assertThat(otherAdvocate().get("/api/v1/exports/receipts/no-such-export").status()).isEqualTo(404);
        assertThat(system.queries().bearer(tokens.token("pablo", "org-b", "MONITOR")).get(receiptPath).status())
                .as("a monitor exports nothing").isEqualTo(403);
    }

    @Test
    void aReportCannotClaimALicenceInsteadOfConsent() {
        Api.Response claimed = system.commands().bearer(tokens.token("maria", "org-a", "MONITOR")).post(
                "/api/v1/incidents", Reports.kidnapping().onRoute(ROUTE, null).sharedWith("PUBLIC").with("source",
                        Map.of("type", "MEDIA", "quality", 2, "licence", "CC BY-IGO")).build());

        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(400);
        assertThat(claimed.json().get("errors").get(0).get("field").asText()).isEqualTo("source.licence");
    }

    private static String export(String audience) {
        return "/api/v1/exports/incidents?format=json&audience=" + audience + "&route=" + ROUTE;
    }

    private static Api ownAnalyst() {
        return system.queries().bearer(tokens.token("ana", "org-a", "ANALYST"));
    }

    private static Api otherAnalyst() {
        return system.queries().bearer(tokens.token("olga", "org-b", "ANALYST"));
    }

    private static Api otherAdvocate() {
        return system.queries().bearer(tokens.token("pablo", "org-b", "ADVOCATE"));
    }

    private static String report(Reports report) {
        Api.Response created = system.commands().bearer(tokens.token("maria", "org-a", "MONITOR"))
                .post("/api/v1/incidents", report.onRoute(ROUTE, null).sharedWith("PUBLIC").build());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("incidentId").asText();
        assertThat(ownAnalyst().get("/api/v1/incidents/" + id + "?minVersion=0").status()).isEqualTo(200);
        return id;
    }
}
