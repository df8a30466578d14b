package org.travesia.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.cors.CorsConfiguration;

/** A browser client of an allowed origin can read what an export's answer says about itself. */
class CorsPolicyTest {

    @Test
    void anAllowedOriginMayReadAnExportsFileNamePositionAndAuditEntry() {
        SecurityProperties properties = new SecurityProperties(null, null, null, null,
                List.of("https://monitoring.example.org"));

        CorsConfiguration cors = CorsPolicy.of(properties)
                .getCorsConfiguration(new MockHttpServletRequest("GET", "/api/v1/exports/incidents"));

        assertThat(cors).isNotNull();
        assertThat(cors.getExposedHeaders()).contains("Content-Disposition", "Travesia-Export-Position",
                "Travesia-Export-Audit-Entry");
    }
}
