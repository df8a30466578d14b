package org.travesia.query.missing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.Role;
import org.travesia.kernel.common.SharingLevel;
import org.travesia.kernel.missing.CaseVisibility;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

/**
 * The cases one may see one by one: the read side's query filter and the write side's rule are one policy written
 * twice; this holds them together for every combination of roles, organisation and sharing level, and pins down that
 * nobody outside the owning organisation sees a published case one by one.
 */
class CaseScopeTest {

    private static EmbeddedMongo mongo;
    private static MongoCollection<Document> cases;

    @BeforeAll
    static void start() {
        mongo = EmbeddedMongo.inMemory();
        cases = mongo.database().getCollection("case_scope_test");
        for (SharingLevel sharing : SharingLevel.values()) {
            cases.insertOne(new Document("_id", "own-" + sharing).append("organisation", "org-a")
                    .append("sharing", sharing.name()));
            cases.insertOne(new Document("_id", "other-" + sharing).append("organisation", "org-b")
                    .append("sharing", sharing.name()));
        }
    }

    @AfterAll
    static void stop() {
        mongo.close();
    }

    @Test
    void theQueryFilterAndTheRuleAgreeForEveryCombination() {
        for (Set<Role> roles : everyCombinationOfRoles()) {
            Actor actor = new Actor("someone", "org-a", roles);
            for (SharingLevel sharing : SharingLevel.values()) {
                for (String organisation : new String[] {"org-a", "org-b"}) {
                    String id = (organisation.equals("org-a") ? "own-" : "other-") + sharing;
                    boolean found = cases.find(Filters.and(Filters.eq("_id", id), CaseScope.of(actor))).first() != null;
                    assertThat(found).as("%s reading %s", roles, id)
                            .isEqualTo(CaseVisibility.canSee(actor, organisation, sharing));
                }
            }
        }
    }

    @Test
    void noRoleOfAnotherOrganisationSeesAPublishedCaseOneByOne() {
        for (Set<Role> roles : everyCombinationOfRoles()) {
            Actor other = new Actor("someone", "org-b", roles);
            assertThat(CaseVisibility.canSee(other, "org-a", SharingLevel.PUBLIC)).as("%s", roles).isFalse();
            assertThat(cases.find(Filters.and(Filters.eq("_id", "own-PUBLIC"), CaseScope.of(other))).first())
                    .isNull();
        }
    }

    private static Set<Set<Role>> everyCombinationOfRoles() {
        Set<Set<Role>> all = new HashSet<>();
        for (int mask = 0; mask < 1 << Role.values().length; mask++) {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (Role role : Role.values()) {
                if ((mask & (1 << role.ordinal())) != 0) {
                    roles.add(role);
                }
            }
            all.add(roles);
        }
        return all;
    }
}
