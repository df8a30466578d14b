package org.travesia.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import jakarta.servlet.RequestDispatcher;

/**
 * A failure once part of an answer is out (a streamed export) writes no problem into it: a problem appended there
 * would be read as more of the file, and the answer would still end as a whole one does. The failure goes on to the
 * container instead, which cuts the connection, so the client sees a broken transfer.
 */
class FailureAfterTheAnswerStartedTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler(new Problems(new Messages()));

    @Test
    void aFailureAfterTheAnswerWasCommittedIsNotAnsweredButPassedOn() throws Exception {
        MockHttpServletResponse streaming = new MockHttpServletResponse();
        streaming.getOutputStream().write("incidentId,type\n".getBytes());
        streaming.setCommitted(true);
        IllegalStateException failure = new IllegalStateException("the snapshot could not go on");

        assertThatThrownBy(() -> handler.unexpected(failure, streaming)).isSameAs(failure);
        assertThat(streaming.getContentAsString()).isEqualTo("incidentId,type\n");
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
    void aFailureBeforeAnythingWasSentIsAnsweredWithAProblem() throws Exception {
        var answer = handler.unexpected(new IllegalStateException("failed"), new MockHttpServletResponse());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getBody().getType().toString()).endsWith("/internal");
    }
}
