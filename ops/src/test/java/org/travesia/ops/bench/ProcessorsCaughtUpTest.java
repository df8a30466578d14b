package org.travesia.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** When the harness takes a service's processors to be at the head, from its eventprocessors endpoint's answer. */
class ProcessorsCaughtUpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void processorsAtTheHeadWithNoGapOpenHaveCaughtUp() {
        assertThat(ProcessorsCaughtUp.in(answer(streaming(0, 0), streaming(0, 0)))).isTrue();
    }

    @Test
    void oneProcessorBehindTheHeadMeansNotCaughtUp() {
        assertThat(ProcessorsCaughtUp.in(answer(streaming(0, 0), streaming(3, 0)))).isFalse();
    }

    @Test
    void aGapStillOpenMeansNotCaughtUpEvenAtTheHead() {
        assertThat(ProcessorsCaughtUp.in(answer(streaming(0, 1)))).isFalse();
    }

    @Test
    void aStreamingProcessorHoldingNoSegmentYetIsBehind() {
        ObjectNode starting = streaming(0, 0);
        starting.putNull("lag");
        starting.putNull("openGaps");
        starting.putArray("segments");

        assertThat(ProcessorsCaughtUp.in(answer(streaming(0, 0), starting))).isFalse();
    }

    @Test
    void aSubscribingProcessorHasNothingToCatchUp() {
        ObjectNode subscribing = JSON.createObjectNode().put("name", "subscribing").put("running", true);

        assertThat(ProcessorsCaughtUp.in(answer(streaming(0, 0), subscribing))).isTrue();
    }

    @Test
    void eachProcessorIsTimedFromTheFirstAnswerThatShowsItCaughtUp() throws Exception {
        Deque<JsonNode> answers = new ArrayDeque<>(List.of(
                answer(streaming("incidents", 5, 0), streaming("route-risk", 9, 0)),
                answer(streaming("incidents", 0, 0), streaming("route-risk", 4, 0)),
                answer(streaming("incidents", 0, 0), streaming("route-risk", 0, 1))));
        ProcessorsCaughtUp.EachProcessor each = new ProcessorsCaughtUp.EachProcessor(answers::poll);

        each.call();
        assertThat(each.seconds()).isEmpty();
        each.call();
        double incidents = each.seconds().get("incidents");
        each.call();

        // route-risk is at the head with a gap open: not caught up yet.
        assertThat(each.seconds()).containsOnlyKeys("incidents").containsEntry("incidents", incidents);
        answers.add(answer(streaming("route-risk", 0, 0), streaming("incidents", 0, 0)));
        each.call();
        assertThat(each.seconds().keySet()).containsExactly("incidents", "route-risk");
        assertThat(each.seconds().get("route-risk")).isGreaterThanOrEqualTo(incidents);
    }

    private static ObjectNode streaming(long lag, int openGaps) {
        return streaming("p", lag, openGaps);
    }

    private static ObjectNode streaming(String name, long lag, int openGaps) {
        ObjectNode processor = JSON.createObjectNode().put("name", name).put("running", true).put("lag", lag)
                .put("openGaps", openGaps);
        processor.putArray("segments").addObject().put("segment", 0).put("openGaps", openGaps);
        return processor;
    }

    private static JsonNode answer(ObjectNode... processors) {
        ObjectNode answer = JSON.createObjectNode().put("headPosition", 10);
        ArrayNode list = answer.putArray("processors");
        for (ObjectNode processor : processors) {
            list.add(processor);
        }
        return answer;
    }
}
