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
            // What a browser client may read of an answer beyond the basic headers: an export's file name and how
            // many of its rows were withheld.
            cors.setExposedHeaders(List.of("Content-Disposition", "Travesia-Withheld"));
            source.registerCorsConfiguration("/api/**", cors);
        }
        return source;
    }
}
