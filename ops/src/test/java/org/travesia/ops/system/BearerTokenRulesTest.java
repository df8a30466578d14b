package org.travesia.ops.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.RunningService;
import org.travesia.platform.testing.TestTokens;
import org.travesia.query.QueryServiceApplication;

import com.nimbusds.jwt.JWTClaimsSet;

/**
 * What a bearer token must say, exactly: when it expires, one organisation as a string, who the user is, and role
 * names spelled as Travesía spells them. Anything looser is refused with 401, or grants nothing.
 */
class BearerTokenRulesTest {

    private static TestTokens tokens;
    private static EmbeddedMongo mongo;
    private static RunningService queries;

    @BeforeAll
    static void start() {
        tokens = TestTokens.generate();
        mongo = EmbeddedMongo.inMemory();
        queries = RunningService.start(QueryServiceApplication.builder(), mongo.uri(), tokens.property());
    }

    @AfterAll
    static void stop() {
        queries.close();
        mongo.close();
    }

    @Test
    void aTokenWithoutAnExpiryIsRefused() {
        String forever = tokens.sign(claims().claim("organisation", "org-a").build());

        assertRefused(forever);
    }

    @Test
    void aTokenWithAnExpiryIsAccepted() {
        String token = tokens.sign(claims().claim("organisation", "org-a")
                .expirationTime(Date.from(Instant.now().plusSeconds(60))).build());

        assertThat(queries.api().bearer(token).get("/api/v1/taxonomy").status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "organisation {0}")
    @ValueSource(strings = {"array", "object", "number", "empty", "blank", "boolean"})
    void anOrganisationThatIsNotOneNonEmptyStringIsRefused(String shape) {
        Object organisation = switch (shape) {
            case "array" -> List.of("org-a", "org-b");
            case "object" -> Map.of("name", "org-a");
            case "number" -> 42;
            case "empty" -> "";
            case "blank" -> "  ";
            case "boolean" -> true;
            default -> throw new IllegalArgumentException(shape);
        };
        String token = tokens.sign(claims().claim("organisation", organisation).expirationTime(inAnHour()).build());

        assertRefused(token);
    }

    @Test
    void aTokenNamingNoUserIsRefused() {
        String nobody = tokens.sign(new JWTClaimsSet.Builder().claim("organisation", "org-a")
                .claim("roles", List.of("ADMIN")).expirationTime(inAnHour()).build());

        assertRefused(nobody);
    }

    @Test
    void aUserClaimThatIsNotAStringIsRefused() {
        String token = tokens.sign(claims().claim("organisation", "org-a")
                .claim("preferred_username", List.of("ana", "admin")).expirationTime(inAnHour()).build());

        assertRefused(token);
    }

    @Test
    void theSubjectNamesTheUserWhenTheTokenHasNoUserClaim() {
        String token = tokens.sign(new JWTClaimsSet.Builder().subject("f81d4fae").claim("organisation", "org-a")
                .claim("roles", List.of("ADMIN")).expirationTime(inAnHour()).build());

        assertThat(queries.api().bearer(token).get("/api/v1/audit").status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"admın", "ADMİN", "ａｄｍｉｎ", "admin ", "administrator"})
    void aRoleNameThatOnlyLooksLikeAdminGrantsNothing(String role) {
        String token = tokens.token("ana", "org-a", role);

        assertThat(queries.api().bearer(token).get("/api/v1/audit").status()).isEqualTo(403);
    }

    @Test
    void aRoleNameThatOnlyLooksLikeAnalystGrantsNothing() {
        String token = tokens.token("ana", "org-a", "analyſt");

        assertThat(queries.api().bearer(token).get("/api/v1/exports/incidents?audience=internal").status())
                .isEqualTo(403);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"admin", "ADMIN", "Admin", "aDmIn"})
    void roleNamesMatchWhateverTheirAsciiCase(String role) {
        String token = tokens.token("ana", "org-a", role);

        assertThat(queries.api().bearer(token).get("/api/v1/audit").status()).isEqualTo(200);
    }

    @Test
    void aTokenCannotGrantTheMetricsScrapeRole() {
        String token = tokens.token("scraper", "org-a", "metrics");

        assertThat(queries.api().bearer(token).get("/actuator/prometheus").status()).isEqualTo(403);
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().subject("sub-ana").claim("preferred_username", "ana")
                .claim("roles", List.of("ANALYST"));
    }

    private static Date inAnHour() {
        return Date.from(Instant.now().plusSeconds(3600));
    }

    private static void assertRefused(String token) {
        Api.Response response = queries.api().bearer(token).get("/api/v1/taxonomy");
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }
}
