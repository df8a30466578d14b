package org.travesia.platform.web;

import java.util.List;
import java.util.UUID;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.travesia.kernel.common.ConflictException;
import org.travesia.kernel.common.InvalidValueException;
import org.travesia.kernel.common.NotPermittedException;
import org.travesia.kernel.common.Violation;
import org.travesia.platform.json.StrictJsonException;
import org.travesia.platform.mongo.StoreOutage;
import org.travesia.platform.privacy.keys.ErasedForeverException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * Turns every failure into a problem+json answer with a stable code. Unexpected failures are logged with an id that
 * the client also receives; the log names the exception type and where it was thrown, never request content.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final Problems problems;

    public ApiExceptionHandler(Problems problems) {
        this.problems = problems;
    }

    /** A streaming client (Server-Sent Events) hung up: there is nobody left to answer, and nothing went wrong. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    public void clientGone(AsyncRequestNotUsableException e) {
        // Nothing to send: the connection is closed.
    }

    @ExceptionHandler(InvalidValueException.class)
    public ResponseEntity<ProblemDetail> invalid(InvalidValueException e) {
        return problems.validation(e.violations());
    }

    @ExceptionHandler(ConflictException.class)
    public ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        return problems.of(HttpStatus.CONFLICT, "conflict", e.code(), e.args().toArray());
    }

    /** Only after a restore from a backup can a command reach a person whose data was erased (the register says so). */
    @ExceptionHandler(ErasedForeverException.class)
    public ResponseEntity<ProblemDetail> erased(ErasedForeverException e) {
        return problems.of(HttpStatus.CONFLICT, "conflict", "personal-data.erased");
    }

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    public ResponseEntity<ProblemDetail> concurrentChange(Exception e) {
        return problems.of(HttpStatus.CONFLICT, "conflict", "problem.conflict");
    }

    @ExceptionHandler(NotPermittedException.class)
    public ResponseEntity<ProblemDetail> notPermitted(NotPermittedException e) {
        return problems.of(HttpStatus.FORBIDDEN, "forbidden", e.code());
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    public ResponseEntity<ProblemDetail> forbidden(Exception e) {
        return problems.of(HttpStatus.FORBIDDEN, "forbidden", "problem.forbidden");
    }

    @ExceptionHandler(NotFoundException.class)
    public ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return problems.of(HttpStatus.NOT_FOUND, "not-found", e.code());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    public ResponseEntity<ProblemDetail> aggregateNotFound(AggregateNotFoundException e) {
        return problems.of(HttpStatus.NOT_FOUND, "not-found", "problem.not-found");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    public ResponseEntity<ProblemDetail> noSuchPath(NoResourceFoundException e) {
        return problems.of(HttpStatus.NOT_FOUND, "not-found", "problem.not-found");
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    public ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException e) {
        return problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "problem.too-large", e.limit());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public ResponseEntity<ProblemDetail> uploadTooLarge(MaxUploadSizeExceededException e) {
        return problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "problem.too-large", e.getMaxUploadSize());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    public ResponseEntity<ProblemDetail> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        return problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "problem.unsupported-media-type");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    public ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return problems.of(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "problem.unsupported-media-type");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    public ResponseEntity<ProblemDetail> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        return problems.of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "problem.method-not-allowed");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    public ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return problems.validation(List.of(Violation.of(e.getParameterName(), "field.required")));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    public ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
        return problems.validation(List.of(Violation.of(e.getHeaderName(), "field.required")));
    }

    /** Query parameters bound to a record (search filters): one violation per parameter that would not convert. */
    @ExceptionHandler(BindException.class)
    public ResponseEntity<ProblemDetail> badParameters(BindException e) {
        return problems.validation(e.getFieldErrors().stream()
                .map(error -> Violation.of(error.getField(), "parameter.invalid", error.getField())).toList());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
        return problems.validation(List.of(Violation.of(e.getName(), "parameter.invalid", e.getName())));
    }

    /** Spring Security's firewall, on a header or parameter it does not allow (a control character, say). */
    @ExceptionHandler(RequestRejectedException.class)
    public ResponseEntity<ProblemDetail> rejected(RequestRejectedException e) {
        return problems.of(HttpStatus.BAD_REQUEST, "bad-request", "request.rejected");
    }

    /** A parameter name the data binder reads as a path ({@code country.x}); {@link ParameterNameFilter} stops most. */
    @ExceptionHandler(InvalidPropertyException.class)
    public ResponseEntity<ProblemDetail> unbindable(InvalidPropertyException e) {
        return problems.validation(List.of(Violation.of("", "parameter.name-invalid")));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof PayloadTooLargeException tooLarge) {
            return tooLarge(tooLarge);
        }
        StrictJsonException strict = strictJsonCause(e);
        if (strict != null) {
            return problems.validation(List.of(Violation.of(strict.path(), strict.code())));
        }
        if (cause instanceof JsonMappingException mapping) {
            if (mapping.getCause() instanceof PayloadTooLargeException tooLarge) {
                return tooLarge(tooLarge);
            }
            return problems.validation(List.of(JsonViolations.of(mapping)));
        }
        if (cause instanceof JsonProcessingException && cause.getCause() instanceof PayloadTooLargeException tooLarge) {
            return tooLarge(tooLarge);
        }
        return problems.validation(List.of(Violation.of("", "json.malformed")));
    }

    /** Jackson wraps what the parser throws inside a nested value, with the path so far: the parser's path is exact. */
    private static StrictJsonException strictJsonCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StrictJsonException strict) {
                return strict;
            }
        }
        return null;
    }

    @ExceptionHandler(CommandExecutionException.class)
    public ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException e) {
        return unexpected(e);
    }

    /**
     * A failure no other handler answers: 500 with an error id, or 503 while the store is away. One after the answer
     * started never gets here ({@link CommittedAnswerFailures}).
     */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (StoreOutage.causes(e)) {
            // Expected while the store is away, and said by readiness and the driver's own log: no error id here.
            ResponseEntity<ProblemDetail> problem = problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                    "store.unavailable");
            return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(StoreOutage.RETRY_AFTER.toSeconds()))
                    .body(problem.getBody());
        }
        String errorId = UUID.randomUUID().toString();
        StackTraceElement origin = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
        // The exception's message may quote request content, so only its type and origin are logged.
        log.error("Unexpected failure {}: {} at {}", errorId, e.getClass().getName(), origin);
        return problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "problem.internal", errorId);
    }
}
