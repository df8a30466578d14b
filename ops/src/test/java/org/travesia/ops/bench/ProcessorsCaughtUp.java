package org.travesia.ops.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.awaitility.Awaitility;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Whether a service's tracking processors have read up to the store's head, from the answer of its {@code
 * eventprocessors} endpoint (the bean in this JVM, or {@code /actuator/eventprocessors} over HTTP): every measured
 * phase starts on a quiet system, not on one still projecting what was seeded or appended just before.
 */
final class ProcessorsCaughtUp {

    private static final Duration POLL = Duration.ofMillis(100);

    private ProcessorsCaughtUp() {
    }

    /**
     * Every streaming processor holds its segments at the head, with no gap open. One that holds no segment has
     * not started and is behind; one without segments at all (a subscribing processor) has nothing to catch up.
     */
    static boolean in(JsonNode answer) {
        for (JsonNode processor : answer.get("processors")) {
            if (!caughtUp(processor)) {
                return false;
            }
        }
        return true;
    }

    private static boolean caughtUp(JsonNode processor) {
        return !processor.has("segments")
                || processor.path("lag").asLong(1) <= 0 && processor.path("openGaps").asInt(1) <= 0;
    }

    /**
     * A service's answer, read through: notes, per processor, the seconds from its creation until it was first seen
     * caught up ({@link #in}'s rule), so that a catch-up shows which processor it waited for last.
     */
    static final class EachProcessor implements Callable<JsonNode> {

        private final Callable<JsonNode> service;
        private final long start = System.nanoTime();
        private final Map<String, Double> seconds = new LinkedHashMap<>();

        EachProcessor(Callable<JsonNode> service) {
            this.service = service;
        }

        @Override
        public JsonNode call() throws Exception {
            JsonNode answer = service.call();
            double now = (System.nanoTime() - start) / 1e9;
            for (JsonNode processor : answer.get("processors")) {
                if (caughtUp(processor)) {
                    seconds.putIfAbsent(processor.path("name").asText(), now);
                }
            }
            return answer;
        }

        /** Per processor, the seconds until it was first seen caught up, earliest first; none for one not seen so. */
        Map<String, Double> seconds() {
            return new LinkedHashMap<>(seconds);
        }
    }

    /**
     * Waits until each service's processors have caught up; answers, per service in the order given, the seconds
     * from the call until it was first seen caught up. Bounded, so that a catch-up that cannot end fails the run
     * rather than holding CI for hours.
     */
    @SafeVarargs
    static double[] secondsUntil(Duration atMost, Callable<JsonNode>... services) {
        long start = System.nanoTime();
        double[] seconds = new double[services.length];
        Arrays.fill(seconds, -1);
        Awaitility.await().atMost(atMost).pollInterval(POLL).pollDelay(Duration.ZERO).until(() -> {
            boolean all = true;
            for (int s = 0; s < services.length; s++) {
                if (seconds[s] < 0 && in(services[s].call())) {
                    seconds[s] = (System.nanoTime() - start) / 1e9;
                }
                all &= seconds[s] >= 0;
            }
            return all;
        });
        return seconds;
    }
}
