package org.travesia.ops.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.travesia.platform.testing.Api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Requests no honest client sends get a 4xx problem+json with the same security headers as every other answer,
 * whichever layer refuses them: Tomcat before anything else runs, Spring Security's firewall, or the application.
 * Never a 500, never an HTML page, never a stack trace.
 */
class MalformedRequestsTest {

    private static final String BASIC_MONITOR = "Authorization: Basic bW9uaXRvcjptb25pdG9y";
    private static TravesiaSystem system;

    @BeforeAll
    static void start() {
        system = TravesiaSystem.start();
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @ParameterizedTest(name = "?{0}")
    @ValueSource(strings = {"country%5B%24ne%5D=PA", ".x=1", "country.x=1", "minQuality.x=1", "route%00=1",
            "pa%C3%ADs=PA", "%5Bx%5D=1"})
    void aQueryParameterWithAMalformedNameIsRefused(String query) {
        for (String path : new String[] {"/api/v1/incidents", "/api/v1/incidents/counts", "/api/v1/exports/incidents"}) {
            Api.Response answer = system.queries().as("admin").get(path + "?" + query);

            assertThat(answer.status()).as(path + " " + answer).isEqualTo(400);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.json().get("errors").get(0).get("code").asText()).isEqualTo("parameter.name-invalid");
            assertSecurityHeaders(answer::header);
        }
    }

    @Test
    void wellFormedParameterNamesStillWork() {
        Api.Response answer = system.queries().as("admin").get("/api/v1/incidents?country=PA&minQuality=1&limit=5");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }

    @Test
    void aClientHeaderOutsideAsciiIsRefused() {
        String body = "{\"type\":\"KIDNAPPING\",\"occurredAt\":\"2026-11-18\",\"place\":{\"country\":\"PA\"}}";
        RawHttp.Answer answer = RawHttp.send(system.commands().port(), ("POST /api/v1/incidents HTTP/1.1\r\nHost: x\r\n"
                + BASIC_MONITOR + "\r\nContent-Type: application/json\r\nX-Travesia-Client: Señal ✓ app\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));

        assertProblem(answer, 400);
        assertThat(field(answer, "code")).isEqualTo("request.rejected");
    }

    @Test
    void aRequestLineWithAnIllegalCharacterGetsAProblem() {
        RawHttp.Answer answer = RawHttp.send(system.queries().port(), "GET /api/v1/incidents?x=| HTTP/1.1\r\nHost: x");

        assertProblem(answer, 400);
        assertThat(field(answer, "code")).isEqualTo("problem.bad-request");
    }

    @Test
    void aHeaderWithAControlCharacterGetsAProblem() {
        RawHttp.Answer answer = RawHttp.send(system.queries().port(),
                "GET /api/v1/taxonomy HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer abc\u0001def");

        assertProblem(answer, 400);
    }

    @Test
    void aMalformedHeaderNameGetsAProblem() {
        RawHttp.Answer answer = RawHttp.send(system.queries().port(),
                "GET /api/v1/taxonomy HTTP/1.1\r\nHost: x\r\nBad Header: 1");

        assertProblem(answer, 400);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/%zz", "/api/v1/a%5cb", "/api/v1//taxonomy", "/api/v1/taxonomy;x=1",
            "/api/v1/%2e%2e/taxonomy", "/api/v1/%25"})
    void aPathThatCannotBeDecodedSafelyGetsAProblem(String path) {
        RawHttp.Answer answer = RawHttp.send(system.queries().port(),
                "GET " + path + " HTTP/1.1\r\nHost: x\r\n" + BASIC_MONITOR);

        assertProblem(answer, 400);
    }

    @Test
    void headersOverTheLimitGetAProblem() {
        RawHttp.Answer answer = RawHttp.send(system.queries().port(),
                "GET /api/v1/taxonomy HTTP/1.1\r\nHost: x\r\nX-Padding: " + "a".repeat(20_000));

        assertThat(answer.status()).isBetween(400, 499);
        assertProblem(answer, answer.status());
    }

    @Test
    void aBodyOverTheLimitGetsTheSecurityHeadersToo() {
        Api.Response answer = system.commands().as("monitor").send("POST", "/api/v1/incidents", "application/json",
                new byte[2 * 1024 * 1024]);

        assertThat(answer.status()).isEqualTo(413);
        assertSecurityHeaders(answer::header);
    }

    @Test
    void aProblemFromTheFirewallNamesThePathAskedFor() {
        RawHttp.Answer answer = RawHttp.send(system.queries().port(),
                "GET /api/v1//taxonomy HTTP/1.1\r\nHost: x\r\n" + BASIC_MONITOR);

        assertThat(field(answer, "instance")).isEqualTo("/api/v1//taxonomy");
    }

    @Test
    void problemsAnswerInSpanishWhenAskedTo() {
        RawHttp.Answer answer = RawHttp.send(system.queries().port(),
                "GET /api/v1//taxonomy HTTP/1.1\r\nHost: x\r\nAccept-Language: es");

        assertThat(field(answer, "title")).isEqualTo("Solicitud incorrecta");
    }

    private static void assertProblem(RawHttp.Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(answer.toString()).startsWith("application/problem+json");
        assertSecurityHeaders(answer::header);
        assertThat(answer.body()).doesNotContain("<html").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(field(answer, "status")).isEqualTo(String.valueOf(status));
        assertThat(field(answer, "code")).isNotBlank();
    }

    static void assertSecurityHeaders(Function<String, String> header) {
        assertThat(header.apply("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(header.apply("X-Frame-Options")).isEqualTo("DENY");
        assertThat(header.apply("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header.apply("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(header.apply("Cache-Control")).contains("no-store");
    }

    private static String field(RawHttp.Answer answer, String name) {
        try {
            JsonNode json = new ObjectMapper().readTree(answer.body());
            return json.get(name).asText();
        } catch (Exception e) {
            throw new AssertionError("Not a problem: " + answer, e);
        }
    }
}
