package org.travesia.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A failure once part of an answer is out (a streamed export, an event stream), before any other handler may write a
 * problem into it: a problem there would be read as more of the file, and the answer would end as a whole one does.
 * <ul>
 *   <li>the client gone: nothing to do;</li>
 *   <li>an event stream that ran its time: it ends as it is, which its client reconnects from;</li>
 *   <li>anything else: logged by type and origin only, and passed on to the container as {@link AnswerCutOff}, whose
 *   fixed message is all the container logs; it closes the connection at once, without the last chunk, so the client
 *   sees a broken transfer.</li>
 * </ul>
 */
public class CommittedAnswerFailures implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(CommittedAnswerFailures.class);

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception failure) {
        if (!response.isCommitted()) {
            return null;
        }
        if (failure instanceof AsyncRequestNotUsableException || (failure instanceof AsyncRequestTimeoutException
                && MediaType.TEXT_EVENT_STREAM_VALUE.equals(baseType(response.getContentType())))) {
            return new ModelAndView();
        }
        StackTraceElement origin = failure.getStackTrace().length > 0 ? failure.getStackTrace()[0] : null;
        // The failure's message may quote request content: only its type and origin.
        log.error("Failure after the answer started, connection cut: {} at {}", failure.getClass().getName(), origin);
        throw new AnswerCutOff();
    }

    private static String baseType(String contentType) {
        return contentType == null ? null : contentType.split(";")[0].strip();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /** What the container is told, and logs, of a failure after the answer started: nothing of the failure itself. */
    public static final class AnswerCutOff extends RuntimeException {

        AnswerCutOff() {
            super("The answer failed after it started; its connection is cut", null, false, false);
        }
    }
}
