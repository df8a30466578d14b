package org.travesia.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.travesia.kernel.common.ConflictException;

import jakarta.servlet.RequestDispatcher;

/**
 * A failure once part of an answer is out (a streamed export) writes no problem into it: a problem appended there
 * would be read as more of the file, and the answer would still end as a whole one does. The failure goes on to the
 * container instead, which cuts the connection, so the client sees a broken transfer.
 */
class FailureAfterTheAnswerStartedTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler(new Problems(new Messages()));
    private final CommittedAnswerFailures committed = new CommittedAnswerFailures();

    @Test
    void aFailureAfterTheAnswerWasCommittedIsNotAnsweredButPassedOnWithoutItsMessage() throws Exception {
        MockHttpServletResponse streaming = streaming("text/csv", "incidentId,type\n");
        IllegalStateException failure = new IllegalStateException("name=Rosa Ibarra");

        assertThatThrownBy(() -> committed.resolveException(new MockHttpServletRequest(), streaming, null, failure))
                .isInstanceOf(CommittedAnswerFailures.AnswerCutOff.class).hasNoCause()
                .message().doesNotContain("Rosa");
        assertThat(streaming.getContentAsString()).isEqualTo("incidentId,type\n");
    }

    @Test
    void aTypedFailureAfterTheAnswerWasCommittedIsCutOffToo() throws Exception {
        MockHttpServletResponse streaming = streaming("application/x-ndjson", "{}\n");

        assertThatThrownBy(() -> committed.resolveException(new MockHttpServletRequest(), streaming, null,
                new ConflictException("snapshot.read-model-rebuilding")))
                .isInstanceOf(CommittedAnswerFailures.AnswerCutOff.class);
    }

    @Test
    void anEventStreamThatRanItsTimeEndsAsItIs() throws Exception {
        MockHttpServletResponse events = streaming("text/event-stream;charset=UTF-8", "data: {}\n\n");

        assertThat(committed.resolveException(new MockHttpServletRequest(), events, null,
                new AsyncRequestTimeoutException())).isNotNull();
        assertThat(events.getContentAsString()).isEqualTo("data: {}\n\n");
    }

    @Test
    void aFailureBeforeTheAnswerStartedIsLeftToTheProblemHandlers() {
        assertThat(committed.resolveException(new MockHttpServletRequest(), new MockHttpServletResponse(), null,
                new IllegalStateException("failed"))).isNull();
    }

    @Test
    void theContainersErrorDispatchWritesNothingIntoAnAnswerUnderWay() throws Exception {
        MockHttpServletResponse streaming = new MockHttpServletResponse();
        streaming.getOutputStream().write("{\"incidentId\":\"i-1\"}\n".getBytes());
        streaming.setCommitted(true);
        MockHttpServletRequest errorDispatch = new MockHttpServletRequest("GET", "/error");
        errorDispatch.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        errorDispatch.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("failed"));

        assertThat(new ProblemErrorController(new Problems(new Messages())).error(errorDispatch, streaming)).isNull();
        assertThat(streaming.getContentAsString()).isEqualTo("{\"incidentId\":\"i-1\"}\n");
    }

    @Test
    void aFailureBeforeAnythingWasSentIsAnsweredWithAProblem() {
        var answer = handler.unexpected(new IllegalStateException("failed"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getBody().getType().toString()).endsWith("/internal");
    }

    private static MockHttpServletResponse streaming(String contentType, String sent) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setContentType(contentType);
        response.getOutputStream().write(sent.getBytes(StandardCharsets.UTF_8));
        response.setCommitted(true);
        return response;
    }
}
