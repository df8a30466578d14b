package org.travesia.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Tomcat's error report, as problem+json with the security headers, in place of its HTML page. It answers what Tomcat
 * refuses before any filter or servlet runs: a malformed request line, a header with a control character, a path
 * that cannot be decoded. Nothing of the request is echoed: not its path, not the parser's message about it.
 */
public class ProblemReportValve extends ErrorReportValve {

    private final Problems problems;
    private final ObjectMapper objectMapper;

    public ProblemReportValve(Problems problems, ObjectMapper objectMapper) {
        this.problems = problems;
        this.objectMapper = objectMapper;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // As Tomcat's own report: nothing below 400, nothing once a body was written, and each error only once.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        LocaleContextHolder.setLocale(request.getLocale());
        try {
            ProblemDetail problem = problems.forStatus(status).getBody();
            SecurityHeaders.addTo(response);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(objectMapper.writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException clientGone) {
            // Nobody is left to read the answer.
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }
}
