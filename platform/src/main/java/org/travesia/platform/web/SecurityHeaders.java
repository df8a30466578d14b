package org.travesia.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers every answer carries. Spring Security writes them on whatever passes its filter chain; this writes the
 * same set where that chain does not run: errors Tomcat raises before any filter, and the error dispatch.
 */
public final class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

    /** As Spring Security writes them with this project's configuration. */
    private static final Map<String, String> ON_EVERY_ANSWER = headers();

    private SecurityHeaders() {
    }

    public static void addTo(HttpServletResponse response) {
        ON_EVERY_ANSWER.forEach(response::setHeader);
    }

    private static Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-XSS-Protection", "0");
        headers.put("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        headers.put("Pragma", "no-cache");
        headers.put("Expires", "0");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("Referrer-Policy", "no-referrer");
        return headers;
    }
}
