package org.travesia.query.risk;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.travesia.eventstore.testing.EmbeddedMongo;

/**
 * A fresh in-memory store for each test, with the risk buckets and the projection that writes them, for tests that
 * call the projection's handlers directly: {@code @RegisterExtension final ProjectedRisk risk = new ProjectedRisk();}.
 */
final class ProjectedRisk implements BeforeEachCallback, AfterEachCallback {

    EmbeddedMongo mongo;
    RiskBuckets buckets;
    RiskProjection projection;

    @Override
    public void beforeEach(ExtensionContext context) {
        mongo = EmbeddedMongo.inMemory();
        buckets = new RiskBuckets(mongo.database());
        projection = new RiskProjection(buckets);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        mongo.close();
    }
}
