package org.travesia.ops.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.travesia.kernel.common.MetadataKeys;
import org.travesia.kernel.incident.IncidentFacts;
import org.travesia.kernel.incident.IncidentReported;
import org.travesia.kernel.incident.IncidentVerified;
import org.travesia.kernel.route.Area;
import org.travesia.kernel.route.RouteDefined;
import org.travesia.kernel.route.RouteName;
import org.travesia.kernel.route.SegmentAdded;

/**
 * A store of a given size for the benchmarks: one route, {@value #ROUTE}, of {@value #SEGMENTS} segments, and
 * incidents on it as monitors of three organisations report them (one commit per incident, a quarter verified in the
 * same commit), dated over the two years before {@link #END}, appended straight into the event store by four
 * writers. The reports carry no free text, so no data key is made per incident: what is seeded is what the
 * projections and reads work on.
 */
final class IncidentSeed {

    static final String ROUTE = "bench";
    static final int SEGMENTS = 5;
    static final LocalDate END = LocalDate.of(2026, 11, 26);
    private static final int WRITERS = 4;
    private static final String[] TYPES = {"KIDNAPPING", "DEATH", "ROBBERY", "EXTORTION", "DISAPPEARANCE",
            "PHYSICAL_VIOLENCE"};
    private static final String[] ORGANISATIONS = {"local", "org-b", "org-c"};
    private static final String[] SHARING = {"ORGANISATION", "NETWORK", "PUBLIC"};

    private IncidentSeed() {
    }

    /** Defines the route and appends {@code incidents} incidents; answers how many events that made. */
    static long fill(EventStore events, int incidents) throws Exception {
        MetaData metaData = MetaData.with(MetadataKeys.USER, "bench").and(MetadataKeys.ORGANISATION, "local");
        Area square = Area.of(List.of(List.of(List.of(List.of(0.0, 0.0), List.of(1.0, 0.0), List.of(1.0, 1.0),
                List.of(0.0, 1.0), List.of(0.0, 0.0)))));
        List<GenericDomainEventMessage<?>> route = new ArrayList<>();
        route.add(new GenericDomainEventMessage<>("MonitoringRoute", ROUTE, 0,
                new RouteDefined(ROUTE, new RouteName("Bench", "Bench"), List.of("PA")), metaData));
        for (int s = 0; s < SEGMENTS; s++) {
            route.add(new GenericDomainEventMessage<>("MonitoringRoute", ROUTE, s + 1L, new SegmentAdded(ROUTE,
                    "s" + s, new RouteName("S" + s, "S" + s), square, List.of(), true), metaData));
        }
        events.publish(route);
        long appended = route.size();
        Random random = new Random(42);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> written = new ArrayList<>();
            for (int i = 0; i < incidents; i++) {
                List<GenericDomainEventMessage<?>> batch = incident(random, metaData);
                appended += batch.size();
                written.add(writers.submit(() -> events.publish(batch)));
            }
            for (Future<?> write : written) {
                write.get();
            }
        } finally {
            writers.shutdown();
        }
        return appended;
    }

    private static List<GenericDomainEventMessage<?>> incident(Random random, MetaData metaData) {
        String id = UUID.randomUUID().toString();
        IncidentFacts facts = new IncidentFacts(TYPES[random.nextInt(TYPES.length)], null,
                END.minusDays(random.nextInt(730)).toString(), "DAY", null,
                new IncidentFacts.Place("PA", null, null, null, null, null), ROUTE, "s" + random.nextInt(SEGMENTS),
                new IncidentFacts.Affected(random.nextInt(3), random.nextBoolean() ? null : random.nextInt(2),
                        null, null, null, null, null, null), null, null, null,
                new IncidentFacts.Source("MEDIA", 1 + random.nextInt(5), null), null, null);
        List<GenericDomainEventMessage<?>> batch = new ArrayList<>();
        batch.add(new GenericDomainEventMessage<>("Incident", id, 0, new IncidentReported(id,
                ORGANISATIONS[random.nextInt(ORGANISATIONS.length)], "bench", id, "fp", facts,
                SHARING[random.nextInt(SHARING.length)]), metaData));
        if (random.nextInt(4) == 0) {
            batch.add(new GenericDomainEventMessage<>("Incident", id, 1, new IncidentVerified(id, null), metaData));
        }
        return batch;
    }
}
