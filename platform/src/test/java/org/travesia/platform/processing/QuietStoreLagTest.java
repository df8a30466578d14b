package org.travesia.platform.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.travesia.eventstore.EventStoreCollections;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.platform.testapp.StepLedger;
import org.travesia.platform.testapp.TakeSteps;
import org.travesia.platform.testapp.WalkerApplication;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The review's finding: positions left open at the head (a writer that died after allocating, a store that crashed
 * with commits in flight) kept {@code lag} at their number until the next write, and gaps below a token read as no
 * lag at all. Now the lag counts events, open head positions are fenced once the gap timeout passes, and open gaps
 * show with the age of the oldest.
 */
class QuietStoreLagTest {

    private final EmbeddedMongo mongo = EmbeddedMongo.inMemory();
    private ConfigurableApplicationContext app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        mongo.close();
    }

    @Test
    void positionsOpenAtTheHeadOfAQuietStoreAreNoLagAndAreFencedWithoutAnotherWrite() {
        app = WalkerApplication.start(mongo.uri(), "walks.projection.enabled=true", "walks.slow-commits=false",
                "travesia.event-store.fetch-delay=20ms", "travesia.event-store.gap-timeout=1s");
        app.getBean(CommandGateway.class).sendAndWait(new TakeSteps("a", 2));
        await().atMost(Duration.ofSeconds(20)).until(() -> app.getBean(StepLedger.class).stored() == 2);
        allocateWithoutWriting(48);

        EventProcessorsEndpoint endpoint = app.getBean(EventProcessorsEndpoint.class);
        assertThat(walkers(endpoint).get("lag")).as("positions holding no event are no lag").isEqualTo(0L);
        await().atMost(Duration.ofSeconds(20)).until(() -> (Long) endpoint.processors().get("fencedPositions") == 48);
        assertThat(walkers(endpoint).get("lag")).isEqualTo(0L);
        assertThat(app.getBean(MeterRegistry.class).get("travesia.processor.lag")
                .tag("processor", StepLedger.PROCESSING_GROUP).gauge().value()).isZero();
    }

    @Test
    void anOpenGapBelowTheTokenShowsWithTheAgeOfTheOldest() {
        app = WalkerApplication.start(mongo.uri(), "walks.projection.enabled=true", "walks.slow-commits=false",
                "travesia.event-store.fetch-delay=20ms", "travesia.event-store.gap-timeout=10m");
        CommandGateway commands = app.getBean(CommandGateway.class);
        commands.sendAndWait(new TakeSteps("a", 1));
        allocateWithoutWriting(1); // a commit in flight, say, for longer than anyone would like
        commands.sendAndWait(new TakeSteps("b", 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> app.getBean(StepLedger.class).stored() == 2);

        EventProcessorsEndpoint endpoint = app.getBean(EventProcessorsEndpoint.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> ((Number) walkers(endpoint).get("oldestGapSeconds"))
                .doubleValue() >= 1.0);
        Map<String, Object> walkers = walkers(endpoint);
        assertThat(walkers.get("lag")).as("every event was handled").isEqualTo(0L);
        assertThat(walkers.get("openGaps")).isEqualTo(1);
        MeterRegistry metrics = app.getBean(MeterRegistry.class);
        assertThat(metrics.get("travesia.processor.gaps.open").tag("processor", StepLedger.PROCESSING_GROUP)
                .gauge().value()).isEqualTo(1.0);
        assertThat(metrics.get("travesia.processor.gaps.oldest").tag("processor", StepLedger.PROCESSING_GROUP)
                .gauge().value()).isGreaterThanOrEqualTo(1.0);
    }

    private void allocateWithoutWriting(int positions) {
        mongo.database().getCollection(EventStoreCollections.COUNTERS)
                .updateOne(Filters.eq("_id", "global"), Updates.inc("last", (long) positions));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> walkers(EventProcessorsEndpoint endpoint) {
        List<Map<String, Object>> processors = (List<Map<String, Object>>) endpoint.processors().get("processors");
        return processors.stream().filter(p -> StepLedger.PROCESSING_GROUP.equals(p.get("name"))).findFirst()
                .orElseThrow();
    }
}
