package org.travesia.query.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.travesia.query.incident.StoredIncident.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.Role;
import org.travesia.query.incident.api.Reach;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

/**
 * The reader's scope is applied as a query filter (every search, count and export) and in memory (a state already
 * fetched: as-of reads, the history); this holds the two together for every combination of roles, reporting
 * organisation, sharing level, consent and reach, and states what the scope requires of another organisation.
 */
class IncidentReadScopeTest {

    private static final String[] LEVELS = {"ORGANISATION", "NETWORK", "PUBLIC", "PARTNERS_ONLY"};
    private static final Actor PARTNER = new Actor("olga", "org-b", Set.of(Role.ANALYST, Role.ADVOCATE));

    private static EmbeddedMongo mongo;
    private static MongoCollection<Document> incidents;
    private static final List<Document> stored = new ArrayList<>();

    @BeforeAll
    static void start() {
        mongo = EmbeddedMongo.inMemory();
        incidents = mongo.database().getCollection("read_scope_test");
        for (String organisation : new String[] {"org-a", "org-b"}) {
            for (String sharing : LEVELS) {
                for (StoredIncident consent : consentVariants(organisation + "-" + sharing)) {
                    Document document = consent.of(organisation).sharedWith(sharing).document(0, Instant.EPOCH);
                    stored.add(document);
                    incidents.insertOne(document);
                }
            }
        }
    }

    @AfterAll
    static void stop() {
        mongo.close();
    }

    private static List<StoredIncident> consentVariants(String prefix) {
        return List.of(incident(prefix + "-none"), incident(prefix + "-protection").consentingTo("PROTECTION"),
                incident(prefix + "-aggregated").consentingTo("ADVOCACY_AGGREGATED"),
                incident(prefix + "-both").consentingTo("PROTECTION", "ADVOCACY_AGGREGATED"),
                incident(prefix + "-not-obtained").notObtainedButListing("PROTECTION", "ADVOCACY_AGGREGATED"),
                incident(prefix + "-licensed").licensed("CC BY-IGO"));
    }

    @Test
    void theQueryFilterAndTheInMemoryRuleAgreeForEveryCombination() {
        for (int mask = 0; mask < 1 << Role.values().length; mask++) {
            Actor reader = new Actor("someone", "org-a", roles(mask));
            for (Reach reach : Reach.values()) {
                for (Document document : stored) {
                    String id = document.getString(IncidentDocument.ID);
                    boolean found = incidents.find(Filters.and(Filters.eq(IncidentDocument.ID, id),
                            IncidentReadScope.of(reader, reach, ""))).first() != null;

                    assertThat(found).as("%s reading %s as %s", reader.roles(), id, reach)
                            .isEqualTo(IncidentReadScope.allows(reader, reach, document));
                }
            }
        }
    }

    @Test
    void reachedAsTheNetworkAnotherOrganisationsSharedReportNeedsProtectionConsentOrALicence() {
        List<String> visible = visible(PARTNER, Reach.NETWORK);

        assertThat(visible).filteredOn(id -> id.startsWith("org-a-")).containsExactlyInAnyOrder(
                "org-a-NETWORK-protection", "org-a-NETWORK-both", "org-a-NETWORK-licensed",
                "org-a-PUBLIC-protection", "org-a-PUBLIC-both", "org-a-PUBLIC-licensed");
        assertThat(visible).as("its own, whatever the consent").filteredOn(id -> id.startsWith("org-b-"))
                .hasSize(LEVELS.length * consentVariants("").size());
    }

    @Test
    void reachedAsThePublicEveryPublishedReportNeedsAggregatedAdvocacyConsentOrALicence() {
        assertThat(visible(PARTNER, Reach.PUBLIC)).containsExactlyInAnyOrder(
                "org-a-PUBLIC-aggregated", "org-a-PUBLIC-both", "org-a-PUBLIC-licensed",
                "org-b-PUBLIC-aggregated", "org-b-PUBLIC-both", "org-b-PUBLIC-licensed");
    }

    @Test
    void theReportingOrganisationReadsItsOwnWhateverTheConsent() {
        for (Role role : EnumSet.of(Role.MONITOR, Role.ADMIN)) {
            assertThat(visible(new Actor("ana", "org-a", Set.of(role)), Reach.NETWORK)).as(role.name())
                    .allMatch(id -> id.startsWith("org-a-") || role == Role.ADMIN)
                    .contains("org-a-ORGANISATION-none", "org-a-NETWORK-none", "org-a-PUBLIC-not-obtained");
        }
    }

    private static List<String> visible(Actor reader, Reach reach) {
        List<String> ids = new ArrayList<>();
        incidents.find(IncidentReadScope.of(reader, reach, ""))
                .forEach(document -> ids.add(document.getString(IncidentDocument.ID)));
        return ids;
    }

    private static Set<Role> roles(int mask) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if ((mask & (1 << role.ordinal())) != 0) {
                roles.add(role);
            }
        }
        return roles;
    }
}
