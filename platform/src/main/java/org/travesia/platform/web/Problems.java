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

    private ProblemDetail problem(HttpStatus status, String type, String code) {
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
