package org.travesia.platform.security;

import java.util.List;

import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/** Which browser origins may call the API: none, unless {@code travesia.security.cors-allowed-origins} lists some. */
final class CorsPolicy {

    private CorsPolicy() {
    }

    static UrlBasedCorsConfigurationSource of(SecurityProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!properties.corsAllowedOrigins().isEmpty()) {
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOrigins(properties.corsAllowedOrigins());
            cors.setAllowedMethods(List.of("GET", "POST"));
            cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "Accept-Language",
                    "X-Correlation-Id", "Last-Event-ID"));
            // What a browser client may read of an answer beyond the basic headers: an export's file name, the
            // position it is pinned at and its audit entry (what was withheld follows the rows, as a trailer field,
            // which browsers do not hand to scripts: the audit entry's ending holds it too).
            cors.setExposedHeaders(List.of("Content-Disposition", "Travesia-Export-Position",
                    "Travesia-Export-Audit-Entry"));
            source.registerCorsConfiguration("/api/**", cors);
        }
        return source;
    }
}
