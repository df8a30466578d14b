package org.travesia.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.Role;
import org.travesia.kernel.common.SharingLevel;
import org.travesia.kernel.common.Visibility;
import org.travesia.eventstore.testing.EmbeddedMongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

/**
 * The read side's query filter and the write side's rule are one policy written twice; this holds them together for
 * every combination of roles, organisation and sharing level.
 */
class ReadScopeTest {

    private static EmbeddedMongo mongo;
    private static MongoCollection<Document> reports;

    @BeforeAll
    static void start() {
        mongo = EmbeddedMongo.inMemory();
        reports = mongo.database().getCollection("scope_test");
        for (SharingLevel sharing : SharingLevel.values()) {
            reports.insertOne(new Document("_id", "own-" + sharing).append("organisation", "org-a")
                    .append("sharing", sharing.name()));
            reports.insertOne(new Document("_id", "other-" + sharing).append("organisation", "org-b")
                    .append("sharing", sharing.name()));
        }
    }

    @AfterAll
    static void stop() {
        mongo.close();
    }

    @Test
    void theQueryFilterAndTheRuleAgreeForEveryCombination() {
        for (int mask = 0; mask < 1 << Role.values().length; mask++) {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (Role role : Role.values()) {
                if ((mask & (1 << role.ordinal())) != 0) {
                    roles.add(role);
                }
            }
            Actor actor = new Actor("someone", "org-a", roles);
            for (SharingLevel sharing : SharingLevel.values()) {
                for (String organisation : new String[] {"org-a", "org-b"}) {
                    String id = (organisation.equals("org-a") ? "own-" : "other-") + sharing;
                    boolean found = reports.find(Filters.and(Filters.eq("_id", id), ReadScope.of(actor))).first() != null;
                    assertThat(found).as("%s reading %s", roles, id)
                            .isEqualTo(Visibility.canSee(actor, organisation, sharing));
                }
            }
        }
    }
}
