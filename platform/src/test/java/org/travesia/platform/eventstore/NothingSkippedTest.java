package org.travesia.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.travesia.platform.testapp.StepLedger;
import org.travesia.platform.testapp.TakeSteps;
import org.travesia.platform.testapp.WalkerApplication;
import org.travesia.eventstore.testing.EmbeddedMongo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The guarantee everything else rests on: a streaming processor receives every committed event exactly once, in
 * each aggregate's order, however writers race, even when commits land late or are fenced off and retried, and
 * across a processor restart.
 */
class NothingSkippedTest {

    private static final int EVENTS = 20_000;
    private static final int WRITERS_PER_CONTEXT = 4;
    private static final int WALKERS = 400;
    /** Eight writers with at most 3 positions each in flight, fenced within 300 ms: far below this. */
    private static final int MAX_GAPS_UNDER_LOAD = 200;
    private static final Logger log = LoggerFactory.getLogger(NothingSkippedTest.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EmbeddedMongo mongo = EmbeddedMongo.inMemory();
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

    @AfterEach
    void stop() {
        contexts.forEach(ConfigurableApplicationContext::close);
        mongo.close();
    }

    @Test
    void twentyThousandEventsFromEightWritersInTwoContextsArriveExactlyOnceInOrderAcrossARestart() throws Exception {
        ConfigurableApplicationContext reader = start("walks.projection.enabled=true",
                "travesia.event-store.gap-timeout=300ms", "travesia.event-store.fetch-delay=20ms");
        List<CommandGateway> gateways = List.of(
                start("travesia.event-store.batch-size=64").getBean(CommandGateway.class),
                start("travesia.event-store.batch-size=64").getBean(CommandGateway.class));
        StepLedger ledger = reader.getBean(StepLedger.class);
        StreamingEventProcessor processor = reader.getBean(EventProcessingConfiguration.class)
                .eventProcessor(StepLedger.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();

        AtomicInteger remaining = new AtomicInteger(EVENTS);
        AtomicInteger conflicts = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(gateways.size() * WRITERS_PER_CONTEXT);
        List<Future<?>> running = new ArrayList<>();
        for (CommandGateway gateway : gateways) {
            for (int w = 0; w < WRITERS_PER_CONTEXT; w++) {
                running.add(writers.submit(() -> write(gateway, remaining, conflicts)));
            }
        }

        AtomicInteger mostGapsInAToken = new AtomicInteger();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> mostGapsInAToken.accumulateAndGet(mostGapsInStoredTokens(), Math::max),
                0, 50, TimeUnit.MILLISECONDS);

        await().atMost(Duration.ofMinutes(3)).until(() -> ledger.deliveries() >= EVENTS / 2);
        processor.shutDown();
        int deliveredBeforeRestart = ledger.deliveries();
        processor.start();

        for (Future<?> writer : running) {
            writer.get(5, TimeUnit.MINUTES);
        }
        writers.shutdown();
        await().atMost(Duration.ofMinutes(3)).until(() -> ledger.stored() == EVENTS && ledger.deliveries() >= EVENTS);
        await().atMost(Duration.ofSeconds(30)).until(() -> mostGapsInStoredTokens() == 0);
        sampler.shutdownNow();

        assertThat(deliveredBeforeRestart).isLessThan(EVENTS);
        assertThat(ledger.stored()).isEqualTo(EVENTS);
        assertThat(ledger.deliveries()).isEqualTo(EVENTS);
        assertThat(ledger.duplicates()).isEmpty();
        assertThat(ledger.outOfOrder()).isEmpty();
        assertThat(conflicts.get()).as("writers really raced on the same aggregates").isPositive();
        assertThat(mostGapsInAToken.get()).as("gaps really opened, and stayed few").isPositive()
                .isLessThanOrEqualTo(MAX_GAPS_UNDER_LOAD);
        log.info("{} events, {} concurrency conflicts, at most {} gaps in a stored token", EVENTS, conflicts.get(),
                mostGapsInAToken.get());
    }

    /**
     * The most gaps any stored token holds right now. Gaps close when filled or fenced, so however long the load
     * lasts, a token never holds more than the positions in flight during one gap timeout.
     */
    private int mostGapsInStoredTokens() {
        int most = 0;
        for (Document token : mongo.database().getCollection("tracking_tokens").find()) {
            Binary data = token.get("token", Binary.class);
            if (data == null) {
                continue;
            }
            try {
                JsonNode gaps = JSON.readTree(data.getData()).get("gaps");
                most = Math.max(most, gaps == null ? 0 : gaps.size());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return most;
    }

    private ConfigurableApplicationContext start(String... properties) {
        ConfigurableApplicationContext context = WalkerApplication.start(mongo.uri(), properties);
        contexts.add(context);
        return context;
    }

    /** Takes 1–3 steps at a time on random walkers until the shared budget of events is spent. */
    private static void write(CommandGateway gateway, AtomicInteger remaining, AtomicInteger conflicts) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (true) {
            int steps = random.nextInt(1, 4);
            int before = remaining.getAndUpdate(r -> Math.max(0, r - steps));
            int taken = Math.min(steps, before);
            if (taken == 0) {
                return;
            }
            String walker = "walker-" + random.nextInt(WALKERS);
            while (true) {
                try {
                    gateway.sendAndWait(new TakeSteps(walker, taken));
                    break;
                } catch (ConcurrencyException | AggregateStreamCreationException lostTheRace) {
                    conflicts.incrementAndGet();
                }
            }
        }
    }
}
