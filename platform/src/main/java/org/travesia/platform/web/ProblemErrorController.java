package org.travesia.platform.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers the container's error dispatch ({@code /error}) with problem+json, in place of Spring Boot's own JSON: what
 * ends there was refused before a controller ran (Spring Security's firewall, a filter calling {@code sendError}) or
 * failed outside one. The error dispatch passes no security filter, so the headers are written here. Once part of the
 * answer is out, it writes nothing.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final Problems problems;

    public ProblemErrorController(Problems problems) {
        this.problems = problems;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request, HttpServletResponse response) {
        if (response.isCommitted()) {
            // Included into an answer already under way (a stream that failed): a problem here would be read as more
            // of it. Nothing is written; the container closes the connection.
            return null;
        }
        SecurityHeaders.addTo(response);
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number ? number : HttpStatus.INTERNAL_SERVER_ERROR.value();
        ResponseEntity<ProblemDetail> problem = status >= 500 && status != HttpStatus.SERVICE_UNAVAILABLE.value()
                ? unexpected(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))
                : problems.forStatus(status);
        problem.getBody().setInstance(originalPath(request));
        return problem;
    }

    /** The path the client asked for, not {@code /error}; none when it is not even a valid URI. */
    private static URI originalPath(HttpServletRequest request) {
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        try {
            return path == null ? null : new URI(null, null, path.toString(), null);
        } catch (URISyntaxException invalid) {
            return null;
        }
    }

    private ResponseEntity<ProblemDetail> unexpected(Object failure) {
        String errorId = UUID.randomUUID().toString();
        if (failure instanceof Throwable e) {
            StackTraceElement origin = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
            // As in ApiExceptionHandler: the message may quote request content, so only type and origin.
            log.error("Unexpected failure {}: {} at {}", errorId, e.getClass().getName(), origin);
        } else {
            log.error("Unexpected failure {} outside the application", errorId);
        }
        return problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "problem.internal", errorId);
    }
}
