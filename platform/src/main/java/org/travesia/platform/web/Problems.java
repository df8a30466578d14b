package org.travesia.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.travesia.kernel.common.Violation;

/**
 * Builds RFC 9457 problem responses. Every problem carries a stable {@code code}; validation problems also carry
 * {@code errors}, one per field. Nothing internal (stack traces, exception messages) ever goes in.
 */
public final class Problems {

    public static final String TYPE_BASE = "https://travesia.dev/problems/";

    /** The problem type of an error status raised outside the application (Tomcat, the firewall, the container). */
    private static final Map<Integer, String> TYPE_OF_STATUS = Map.ofEntries(
            Map.entry(400, "bad-request"), Map.entry(401, "unauthorized"), Map.entry(403, "forbidden"),
            Map.entry(404, "not-found"), Map.entry(405, "method-not-allowed"), Map.entry(406, "not-acceptable"),
            Map.entry(413, "too-large"), Map.entry(415, "unsupported-media-type"), Map.entry(429, "rate-limited"),
            Map.entry(503, "unavailable"));

    private final Messages messages;

    public Problems(Messages messages) {
        this.messages = messages;
    }

    public ResponseEntity<ProblemDetail> validation(List<Violation> violations) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", "problem.validation");
        problem.setDetail(messages.get("problem.validation"));
        problem.setProperty("errors", violations.stream()
                .map(v -> Map.of("field", v.field(), "code", v.code(), "message", messages.get(v.code(), v.args())))
                .toList());
        return respond(problem);
    }

    /**
     * A problem of the given type ({@code conflict}, {@code not-found}...). The title is the type's; the detail
     * explains the specific code, when there is more to say than the title.
     */
    public ResponseEntity<ProblemDetail> of(HttpStatus status, String type, String code, Object... args) {
        ProblemDetail problem = problem(status, type, code);
        if (args.length > 0 || !code.equals("problem." + type)) {
            problem.setDetail(messages.get(code, args));
        }
        return respond(problem);
    }

    /**
     * The problem for an error status that something other than the application decided (a malformed request line,
     * a path the firewall refuses): its type and code follow from the status alone.
     */
    public ResponseEntity<ProblemDetail> forStatus(int status) {
        String type = TYPE_OF_STATUS.get(status);
        if (type == null) {
            ProblemDetail problem = problem(status, "http-error", "problem.http-error");
            problem.setDetail(messages.get("problem.http-error", status));
            return respond(problem);
        }
        return respond(problem(status, type, "problem." + type));
    }

    private ProblemDetail problem(HttpStatus status, String type, String code) {
        return problem(status.value(), type, code);
    }

    private ProblemDetail problem(int status, String type, String code) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(messages.get("title." + type));
        problem.setProperty("code", code);
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
