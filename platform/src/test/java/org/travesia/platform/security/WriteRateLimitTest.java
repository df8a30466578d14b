package org.travesia.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.travesia.platform.web.Messages;
import org.travesia.platform.web.ProblemWriter;
import org.travesia.platform.web.Problems;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Each caller has a write bucket of their own: the same user name in another organisation, from another identity
 * provider or through another way of signing in is another caller. Retry-After never promises a retry too early.
 */
class WriteRateLimitTest {

    /** 7 writes a minute: one every 8.57 s, so a refused write must wait 9 s, not 8. */
    private static final int WRITES_PER_MINUTE = 7;

    private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);
    private final WriteRateLimitFilter filter = new WriteRateLimitFilter(
            new SecurityProperties.RateLimit(WRITES_PER_MINUTE, 1),
            new ProblemWriter(new Problems(new Messages()), new ObjectMapper()), nanos::get);
    private final JwtActorConverter tokens = new JwtActorConverter(new SecurityProperties(null, null, null, null, null).oidc());

    @AfterEach
    void forget() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aUserWhoUsedUpTheBucketMustWait() throws Exception {
        Authentication monitor = localUser("monitor", "local");

        assertThat(write(monitor).getStatus()).isEqualTo(200);
        assertThat(write(monitor).getStatus()).isEqualTo(429);
    }

    @Test
    void retryAfterRoundsUpToTheNextWholeSecond() throws Exception {
        Authentication monitor = localUser("monitor", "local");
        write(monitor);

        MockHttpServletResponse refused = write(monitor);

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("9");
    }

    @Test
    void theSameNameInAnotherOrganisationHasABucketOfItsOwn() throws Exception {
        write(bearer("https://idp.example/realms/a", "sub-1", "monitor", "org-a"));

        assertThat(write(bearer("https://idp.example/realms/a", "sub-2", "monitor", "org-b")).getStatus())
                .isEqualTo(200);
    }

    @Test
    void theSameSubjectFromAnotherIssuerHasABucketOfItsOwn() throws Exception {
        write(bearer("https://idp-a.example", "sub-1", "monitor", "org-a"));

        assertThat(write(bearer("https://idp-b.example", "sub-1", "monitor", "org-a")).getStatus()).isEqualTo(200);
    }

    @Test
    void aBearerUserDoesNotUseUpTheLocalUserOfTheSameName() throws Exception {
        write(bearer("https://idp.example", "monitor", "monitor", "local"));

        assertThat(write(localUser("monitor", "local")).getStatus()).isEqualTo(200);
    }

    @Test
    void aLocalUserDoesNotUseUpABearerUserOfTheSameName() throws Exception {
        write(localUser("monitor", "local"));

        assertThat(write(bearer("https://idp.example", "monitor", "monitor", "local")).getStatus()).isEqualTo(200);
    }

    @Test
    void oneUserSignedInTwiceSharesOneBucket() throws Exception {
        write(bearer("https://idp.example", "sub-1", "monitor", "org-a"));

        assertThat(write(bearer("https://idp.example", "sub-1", "monitor", "org-a")).getStatus()).isEqualTo(429);
    }

    private MockHttpServletResponse write(Authentication caller) throws Exception {
        SecurityContextHolder.getContext().setAuthentication(caller);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/incidents");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    private static Authentication localUser(String name, String organisation) {
        List<SimpleGrantedAuthority> roles = List.of(new SimpleGrantedAuthority("ROLE_MONITOR"));
        return UsernamePasswordAuthenticationToken.authenticated(
                new TravesiaUser(name, "", organisation, roles), null, roles);
    }

    private Authentication bearer(String issuer, String subject, String user, String organisation) {
        Jwt jwt = Jwt.withTokenValue("token").header("alg", "RS256")
                .claims(claims -> claims.putAll(Map.of("iss", issuer, "sub", subject, "preferred_username", user,
                        "organisation", organisation, "roles", List.of("monitor"))))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        return tokens.convert(jwt);
    }
}
