package org.travesia.platform.web;

import java.io.IOException;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.travesia.kernel.common.Violation;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes problem+json from servlet filters (size limits, parameter names, authentication, rate limits), where no
 * controller runs, with the security headers every answer carries.
 */
public final class ProblemWriter {

    private final Problems problems;
    private final ObjectMapper objectMapper;

    public ProblemWriter(Problems problems, ObjectMapper objectMapper) {
        this.problems = problems;
        this.objectMapper = objectMapper;
    }

    public void tooLarge(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        // The client may still be sending; tell it to stop rather than read a body we will not use.
        response.setHeader("Connection", "close");
        write(request, response, problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "problem.too-large", limit));
    }

    public void unauthorized(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "problem.unauthorized"));
    }

    public void forbidden(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, problems.of(HttpStatus.FORBIDDEN, "forbidden", "problem.forbidden"));
    }

    public void invalid(HttpServletRequest request, HttpServletResponse response, List<Violation> violations)
            throws IOException {
        write(request, response, problems.validation(violations));
    }

    public void rateLimited(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds)
            throws IOException {
        response.setHeader("Retry-After", String.valueOf(retryAfterSeconds));
        write(request, response, problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "problem.rate-limited"));
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ResponseEntity<ProblemDetail> entity)
            throws IOException {
        ProblemDetail problem = entity.getBody();
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        // Some of these answers leave before Spring Security's header writer runs (the body limit, parameter names).
        SecurityHeaders.addTo(response);
        response.setStatus(entity.getStatusCode().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
