package org.travesia.ops.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.travesia.command.CommandServiceApplication;
import org.travesia.ops.EmbeddedStore;
import org.travesia.platform.privacy.DataSubject;
import org.travesia.platform.privacy.PersonalDataCipher;
import org.travesia.platform.privacy.SealedText;
import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.MissingPersonReports;
import org.travesia.platform.testing.Reports;
import org.travesia.platform.testing.RunningService;
import org.travesia.query.QueryServiceApplication;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/**
 * The erasure proof, on the embedded store as {@code ./ops/run} keeps it: on disk, in its data directory, with the
 * master key beside it.
 * <ol>
 * <li>A person is reported with names and details found nowhere else. Neither the raw bytes of any file under the
 * data directory (as UTF-8 or UTF-16, in any case) nor any document of any collection of any database holds any of
 * them; a route id stored in the clear is found both ways, so the search would see them if they were there.</li>
 * <li>An admin erases the person; every projection is replayed from zero.</li>
 * <li>No answer of the API names the person, no search finds them, no sealed value of theirs opens, every event of
 * the case is still there, and the case's counts are what they were.</li>
 * </ol>
 */
class PersonalDataErasureProofTest {

    private static final String CASES = "/api/v1/missing-persons";
    private static final Pattern SEALED = Pattern.compile("enc:v1:[A-Za-z0-9_:#.\\-]+");
    private static final String UNIQUE = letters(10);
    private static final String NAME = "Ixchel Tzununa-" + UNIQUE;
    private static final String ALIAS = "Chelita" + UNIQUE;
    private static final String CONTACT = "+502 5" + digits(7);
    private static final String FEATURES = "Jade-pendant-" + UNIQUE;
    private static final String LOCALITY = "Aldea-" + UNIQUE;
    private static final String SIGHTING = "Barca-" + UNIQUE;
    private static final String REASON = "Cayuco-" + UNIQUE;
    private static final List<String> PERSONAL = List.of(UNIQUE, NAME, ALIAS, CONTACT, FEATURES, LOCALITY, SIGHTING,
            REASON);
    private static final String ROUTE = "proof-" + letters(8).toLowerCase(Locale.ROOT);

    @TempDir
    static Path data;
    private static EmbeddedStore store;
    private static RunningService command;
    private static RunningService query;
    private static MongoClient client;

    @BeforeAll
    static void start() {
        store = EmbeddedStore.start(data, "127.0.0.1", 0);
        String masterKey = "travesia.privacy.master-key-file=" + data.resolve("keys").resolve("master.key");
        command = RunningService.start(CommandServiceApplication.builder(), store.uri("travesia"), masterKey);
        query = RunningService.start(QueryServiceApplication.builder(), store.uri("travesia"), masterKey);
        client = MongoClients.create(store.uri("travesia"));
    }

    @AfterAll
    static void stop() {
        client.close();
        query.close();
        command.close();
        store.close();
    }

    @Test
    void anErasedPersonLeavesNothingReadableInAnyFileDocumentOrAnswerAndTheCountsStay() throws IOException {
        Api monitor = command.api().as("monitor");
        Api reader = query.api().as("monitor");
        String caseId = monitor.post(CASES, MissingPersonReports.of(NAME).person("aliases", List.of(ALIAS))
                .person("yearOfBirth", 1999).person("distinguishingFeatures", FEATURES).lastSeen("routeId", ROUTE)
                .lastSeen("date", "2026-10-01").lastSeenAt("locality", LOCALITY)
                .lastSeenAt("coordinates", Map.of("lat", 8.41, "lon", -77.48))
                .with("reporter", Map.of("relationship", "PARENT", "contact", CONTACT)).build())
                .json().get("caseId").asText();
        written(monitor.post(CASES + "/" + caseId + "/sightings", Map.of("date", "2026-10-05", "place",
                Map.of("country", "PA", "locality", LOCALITY), "source", "DIRECT_TESTIMONY", "confidence", "HIGH",
                "note", SIGHTING)));
        String death = monitor.post("/api/v1/incidents", Reports.kidnapping().with("type", "DEATH")
                .with("occurredAt", "2026-10-20").onRoute(ROUTE, null).affected(Map.of("dead", 1)).build())
                .json().get("incidentId").asText();
        written(monitor.post(CASES + "/" + caseId + "/incident-links", Map.of("incidentId", death, "reason", REASON)));
        JsonNode before = reader.get(CASES + "/" + caseId + "?minVersion=2").json();
        assertThat(before.get("person").get("fullName").asText()).as("readable to its owners").isEqualTo(NAME);
        assertThat(caseIds(reader.get(CASES + "?name=" + UNIQUE.toLowerCase(Locale.ROOT)))).containsExactly(caseId);
        awaitIncident(reader, death);
        JsonNode countsBefore = reader.get(CASES + "/counts?route=" + ROUTE).json();

        assertThat(filesHolding(ROUTE)).as("the file search finds what is stored in the clear").isNotEmpty();
        assertThat(documentsHolding(ROUTE)).as("the document search finds what is stored in the clear").isNotEmpty();
        for (String personal : PERSONAL) {
            assertThat(filesHolding(personal)).as("files holding " + personal + ", before the erasure").isEmpty();
            assertThat(documentsHolding(personal)).as("documents holding " + personal + ", before the erasure")
                    .isEmpty();
        }
        long eventsOfTheCase = eventsOf(caseId);

        Api.Response erased = command.api().as("admin").post(CASES + "/" + caseId + "/erasure",
                Map.of("reason", "FAMILY_REQUEST"));
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(reader.get(CASES + "/" + caseId).body()).as("from that instant, before any projection moved")
                .doesNotContain(NAME).doesNotContain(CONTACT);
        replayEveryProjectionFromZero(reader, caseId, erased.json().get("version").asLong());

        List<String> answers = new ArrayList<>();
        for (String user : List.of("monitor", "analyst", "admin")) {
            Api as = query.api().as(user);
            answers.add(as.get(CASES + "/" + caseId).body());
            answers.add(as.get(CASES + "/" + caseId + "/history").body());
            answers.add(as.get(CASES + "?route=" + ROUTE).body());
            answers.add(as.get("/api/v1/incidents/" + death + "/possible-matches").body());
            answers.add(as.get("/api/v1/incidents/" + death + "/history").body());
        }
        for (String answer : answers) {
            PERSONAL.forEach(personal -> assertThat(answer).doesNotContain(personal));
        }
        JsonNode after = reader.get(CASES + "/" + caseId).json();
        assertThat(after.get("erased").asBoolean()).isTrue();
        assertThat(after.get("person").get("fullName").isNull()).isTrue();
        assertThat(after.get("person").get("ageRange").get("min").asInt()).as("the band stays").isEqualTo(20);
        assertThat(caseIds(reader.get(CASES + "?name=" + UNIQUE.toLowerCase(Locale.ROOT)))).isEmpty();
        assertThat(caseIds(reader.get(CASES + "?yearOfBirth=1999&route=" + ROUTE))).isEmpty();
        assertThat(noSealedValueOfThePersonOpens(caseId)).as("sealed values of the person found and tried")
                .isGreaterThanOrEqualTo(10);
        for (String personal : PERSONAL) {
            assertThat(filesHolding(personal)).as("files holding " + personal).isEmpty();
            assertThat(documentsHolding(personal)).as("documents holding " + personal).isEmpty();
        }
        assertThat(eventsOf(caseId)).as("every event of the case is still stored, and the erasure")
                .isEqualTo(eventsOfTheCase + 1);
        JsonNode countsAfter = reader.get(CASES + "/counts?route=" + ROUTE).json();
        assertThat(countsAfter.get("cases")).isEqualTo(countsBefore.get("cases"));
        assertThat(countsAfter.get("byStatus")).isEqualTo(countsBefore.get("byStatus"));
        assertThat(countsAfter.get("bySex")).isEqualTo(countsBefore.get("bySex"));
        assertThat(countsAfter.get("erased").asLong()).isEqualTo(1);
        assertThat(client.getDatabase("travesia").getCollection("dead_letters").countDocuments())
                .as("nothing was parked on the way").isZero();
    }

    /** Resets every processor of query-service to the first event, and waits until it has caught up again. */
    private static void replayEveryProjectionFromZero(Api reader, String caseId, long version) {
        for (EventProcessor processor : query.bean(EventProcessingConfiguration.class).eventProcessors().values()) {
            if (processor instanceof StreamingEventProcessor streaming) {
                streaming.shutDown();
                streaming.resetTokens();
                streaming.start();
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() ->
                reader.get(CASES + "/" + caseId + "?minVersion=" + version).status() == 200);
    }

    private static void awaitIncident(Api reader, String incidentId) {
        assertThat(reader.get("/api/v1/incidents/" + incidentId + "?minVersion=0").status()).isEqualTo(200);
    }

    /** Every sealed value of the person, in every document: each names a key that is gone. */
    private static int noSealedValueOfThePersonOpens(String caseId) {
        PersonalDataCipher cipher = query.bean(PersonalDataCipher.class);
        DataSubject person = DataSubject.missingPerson(caseId);
        int tried = 0;
        for (String json : everyDocument()) {
            Matcher sealed = SEALED.matcher(json);
            while (sealed.find()) {
                SealedText text = SealedText.parse(sealed.group());
                if (text.subject().equals(person.key())) {
                    assertThat(cipher.openerFor(person).open(person, "fullName", sealed.group()).shredded()).isTrue();
                    tried++;
                }
            }
        }
        return tried;
    }

    private static long eventsOf(String caseId) {
        long stored = 0;
        for (String json : everyDocument()) {
            int at = json.indexOf("\"" + caseId + "#");
            while (at >= 0) {
                stored++;
                at = json.indexOf("\"" + caseId + "#", at + 1);
            }
        }
        return stored;
    }

    /** Which files under the data directory hold the text: as UTF-8 or UTF-16, as written, lower or upper case. */
    private static List<Path> filesHolding(String text) throws IOException {
        List<byte[]> forms = new ArrayList<>();
        for (String variant : List.of(text, text.toLowerCase(Locale.ROOT), text.toUpperCase(Locale.ROOT))) {
            forms.add(variant.getBytes(StandardCharsets.UTF_8));
            forms.add(variant.getBytes(StandardCharsets.UTF_16LE));
            forms.add(variant.getBytes(StandardCharsets.UTF_16BE));
        }
        List<Path> holding = new ArrayList<>();
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                if (forms.stream().anyMatch(form -> indexOf(bytes, form) >= 0)) {
                    holding.add(file);
                }
            }
        }
        return holding;
    }

    /** Which documents, of every collection of every database, hold the text in any case. */
    private static List<String> documentsHolding(String text) {
        String wanted = text.toLowerCase(Locale.ROOT);
        return everyDocument().stream().filter(json -> json.toLowerCase(Locale.ROOT).contains(wanted)).toList();
    }

    private static List<String> everyDocument() {
        List<String> documents = new ArrayList<>();
        for (String name : client.listDatabaseNames()) {
            MongoDatabase database = client.getDatabase(name);
            for (String collection : database.listCollectionNames()) {
                for (Document document : database.getCollection(collection).find()) {
                    documents.add(document.toJson());
                }
            }
        }
        assertThat(documents).as("the store holds documents to search").isNotEmpty();
        return documents;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void written(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private static List<String> caseIds(Api.Response page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.json().get("items").forEach(item -> ids.add(item.get("caseId").asText()));
        return ids;
    }

    private static String letters(int count) {
        SecureRandom random = new SecureRandom();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            char letter = (char) ('a' + random.nextInt(26));
            text.append(i % 2 == 0 ? Character.toUpperCase(letter) : letter);
        }
        return text.toString();
    }

    private static String digits(int count) {
        SecureRandom random = new SecureRandom();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(random.nextInt(10));
        }
        return text.toString();
    }
}
