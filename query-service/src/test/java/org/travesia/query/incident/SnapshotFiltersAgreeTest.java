package org.travesia.query.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.kernel.common.BoundingBox;
import org.travesia.kernel.common.SharingLevel;
import org.travesia.kernel.incident.FindIncidents;
import org.travesia.kernel.incident.IncidentStatus;
import org.travesia.kernel.taxonomy.IncidentType;
import org.travesia.query.incident.api.IncidentSelection;
import org.travesia.query.incident.api.RequiredConsent;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

/**
 * A snapshot decides on states kept in history in memory ({@link IncidentFilters#matches}) what the query decides on
 * current documents; this holds the two together for every search filter, on documents with and without each field.
 */
class SnapshotFiltersAgreeTest {

    private static EmbeddedMongo mongo;
    private static MongoCollection<Document> incidents;
    private static final List<Document> DOCUMENTS = new ArrayList<>();

    @BeforeAll
    static void start() {
        mongo = EmbeddedMongo.inMemory();
        incidents = mongo.database().getCollection("filters_agree_test");
        DOCUMENTS.add(incident("full", "darien", "s1", "PA", "KIDNAPPING", "VERIFIED", "2026-11-20", 4, 8.0, -77.6,
                "Darien", "NETWORK"));
        DOCUMENTS.add(incident("other", "caribbean-sea", "s2", "CU", "DEATH", "REPORTED", "2026-10-01", 2, 23.1, 179.5,
                null, "PUBLIC"));
        DOCUMENTS.add(incident("east", "darien", null, "PA", "DEATH", "RETRACTED", "2026-12-31", null, -10.0, -179.5,
                null, "ORGANISATION"));
        DOCUMENTS.add(incident("sparse", null, null, null, null, "REPORTED", null, null, null, null, null, "PUBLIC"));
        DOCUMENTS.forEach(incidents::insertOne);
    }

    @AfterAll
    static void stop() {
        mongo.close();
    }

    @Test
    void theInMemoryRuleAndTheQueryAgreeOnEveryFilter() {
        List<IncidentSelection> selections = List.of(
                select(find("darien", null, null, null, null, null, null, null, null, null)),
                select(find("darien", "s1", null, null, null, null, null, null, null, null)),
                select(find(null, null, "PA", null, null, null, null, null, null, null)),
                select(find(null, null, null, IncidentType.DEATH, null, null, null, null, null, null)),
                select(find(null, null, null, null, IncidentStatus.REPORTED, null, null, null, null, null)),
                select(find(null, null, null, null, null, Instant.parse("2026-11-01T00:00:00Z"), null, null, null, null)),
                select(find(null, null, null, null, null, null, Instant.parse("2026-11-20T00:00:00Z"), null, null, null)),
                select(find(null, null, null, null, null, null, null, new BoundingBox(-80, 0, -70, 10), null, null)),
                select(find(null, null, null, null, null, null, null, new BoundingBox(170, -20, -170, 30), null, null)),
                select(find(null, null, null, null, null, null, null, null, 3, null)),
                select(find(null, null, null, null, null, null, null, null, null, "Darien")),
                select(find(null, null, null, null, null, null, null, null, null, null)).onlyFromMmp(),
                new IncidentSelection(find(null, null, null, null, null, null, null, null, null, null),
                        Set.of(SharingLevel.PUBLIC, SharingLevel.NETWORK), Set.of(IncidentStatus.REPORTED,
                        IncidentStatus.VERIFIED), RequiredConsent.none()));
        for (IncidentSelection selection : selections) {
            for (Document document : DOCUMENTS) {
                boolean found = incidents.find(Filters.and(Filters.eq(IncidentDocument.ID, document.get("_id")),
                        IncidentFilters.of(selection, ""))).first() != null;

                assertThat(IncidentFilters.matches(selection, document)).as("%s on %s", selection, document.get("_id"))
                        .isEqualTo(found);
            }
        }
    }

    private static IncidentSelection select(FindIncidents find) {
        return new IncidentSelection(find, Set.of(), Set.of(), RequiredConsent.none());
    }

    private static FindIncidents find(String route, String segment, String country, IncidentType type,
                                      IncidentStatus status, Instant from, Instant to, BoundingBox bbox,
                                      Integer minQuality, String mmpRoute) {
        return new FindIncidents(route, segment, country, type, status, from, to, bbox, minQuality, null, mmpRoute);
    }

    private static Document incident(String id, String route, String segment, String country, String type,
                                     String status, String occurredOn, Integer quality, Double lat, Double lon,
                                     String mmpRoute, String sharing) {
        Document place = new Document("country", country);
        if (lat != null) {
            place.append("coordinates", new Document("lat", lat).append("lon", lon));
        }
        Document incident = new Document(IncidentDocument.ID, id)
                .append(IncidentDocument.ROUTE_ASSIGNMENT, new Document("routeId", route).append("segmentId", segment))
                .append(IncidentDocument.DETAILS, new Document("type", type).append("place", place))
                .append(IncidentDocument.STATUS, status)
                .append(IncidentDocument.SHARING, sharing)
                .append(IncidentDocument.OCCURRED_FROM, occurredOn == null ? null
                        : Date.from(Instant.parse(occurredOn + "T00:00:00Z")))
                .append(IncidentDocument.EFFECTIVE_QUALITY, quality);
        if (mmpRoute != null) {
            incident.append(IncidentDocument.MMP, new Document("routeName", mmpRoute));
        }
        return incident;
    }
}
