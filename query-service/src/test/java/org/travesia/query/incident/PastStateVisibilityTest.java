package org.travesia.query.incident;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.travesia.kernel.common.SharingLevel;
import org.travesia.query.incident.api.Reach;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

/**
 * The rule for past states is applied in memory (as-of reads, the history) and as a query filter (exports as of an
 * instant); this holds the two together for every combination of roles, organisation and recorded sharing level,
 * including a level this build does not know, which counts as the narrowest.
 */
class PastStateVisibilityTest {

    private static final String[] RECORDED_LEVELS = {"ORGANISATION", "NETWORK", "PUBLIC", "PARTNERS_ONLY"};

    private static EmbeddedMongo mongo;
    private static MongoCollection<Document> history;

    @BeforeAll
    static void start() {
        mongo = EmbeddedMongo.inMemory();
        history = mongo.database().getCollection("past_state_test");
        for (String organisation : new String[] {"org-a", "org-b"}) {
            for (String sharing : RECORDED_LEVELS) {
                history.insertOne(new Document(IncidentHistoryDocument.ID, organisation + "-" + sharing)
                        .append(IncidentHistoryDocument.STATE, state(organisation, sharing)));
            }
        }
    }

    @AfterAll
    static void stop() {
        mongo.close();
    }

    @Test
    void theInMemoryRuleAndTheQueryFilterAgreeForEveryCombination() {
        for (int mask = 0; mask < 1 << Role.values().length; mask++) {
            Actor reader = new Actor("someone", "org-a", roles(mask));
            for (String organisation : new String[] {"org-a", "org-b"}) {
                for (String sharing : RECORDED_LEVELS) {
                    String id = organisation + "-" + sharing;
                    boolean found = history.find(Filters.and(Filters.eq(IncidentHistoryDocument.ID, id),
                            PastStateVisibility.sharedThen(reader, Reach.NETWORK))).first() != null;

                    assertThat(found).as("%s reading %s", reader.roles(), id)
                            .isEqualTo(PastStateVisibility.sharedThen(reader, state(organisation, sharing)));
                }
            }
        }
    }

    @Test
    void anotherOrganisationSeesAStateOnlyIfItWasSharedWithTheNetworkOrPublished() {
        Actor partner = new Actor("olga", "org-b", Set.of(Role.ANALYST));

        assertThat(PastStateVisibility.sharedThen(partner, state("org-a", "ORGANISATION"))).isFalse();
        assertThat(PastStateVisibility.sharedThen(partner, state("org-a", "PARTNERS_ONLY"))).isFalse();
        assertThat(PastStateVisibility.sharedThen(partner, state("org-a", "NETWORK"))).isTrue();
        assertThat(PastStateVisibility.sharedThen(partner, state("org-a", "PUBLIC"))).isTrue();
    }

    @Test
    void aHistoryEntryShowsItsValuesOnlyIfTheStatesBeforeAndAfterItWereBothShared() {
        Actor partner = new Actor("olga", "org-b", Set.of(Role.ANALYST));
        Document organisationOnly = state("org-a", "ORGANISATION");
        Document network = state("org-a", "NETWORK");

        assertThat(PastStateVisibility.valuesShown(partner, null, organisationOnly)).isFalse();
        assertThat(PastStateVisibility.valuesShown(partner, organisationOnly, network))
                .as("widening: what it replaced was not shared").isFalse();
        assertThat(PastStateVisibility.valuesShown(partner, network, organisationOnly)).isFalse();
        assertThat(PastStateVisibility.valuesShown(partner, network, network)).isTrue();
        assertThat(PastStateVisibility.valuesShown(partner, null, network)).isTrue();
    }

    @Test
    void theReportingOrganisationSeesEveryStateOfItsOwn() {
        for (Role role : EnumSet.of(Role.MONITOR, Role.ANALYST, Role.ADMIN)) {
            Actor own = new Actor("ana", "org-a", Set.of(role));

            assertThat(PastStateVisibility.valuesShown(own, state("org-a", "ORGANISATION"),
                    state("org-a", "ORGANISATION"))).as(role.name()).isTrue();
        }
    }

    @Test
    void anotherOrganisationSeesAStateOnlyIfItCarriedTheNetworksConsentThen() {
        Actor partner = new Actor("olga", "org-b", Set.of(Role.ANALYST));
        Document withoutConsent = state("org-a", "NETWORK").append(IncidentDocument.DETAILS,
                new Document("consent", new Document("obtained", false).append("uses", List.of())));

        assertThat(PastStateVisibility.sharedThen(partner, withoutConsent)).isFalse();
        assertThat(PastStateVisibility.valuesShown(partner, withoutConsent, state("org-a", "NETWORK")))
                .as("consent given: what it replaced was not shared").isFalse();
        assertThat(PastStateVisibility.sharedThen(new Actor("ana", "org-a", Set.of(Role.ANALYST)), withoutConsent))
                .as("the reporting organisation's own").isTrue();
    }

    /** A state with the consent another organisation needs, so that only its sharing decides. */
    private static Document state(String organisation, String sharing) {
        return new Document(IncidentDocument.ORGANISATION, organisation).append(IncidentDocument.SHARING, sharing)
                .append(IncidentDocument.DETAILS, new Document("consent",
                        new Document("obtained", true).append("uses", List.of("PROTECTION"))));
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
