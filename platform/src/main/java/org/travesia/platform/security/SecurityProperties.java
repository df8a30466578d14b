package org.travesia.platform.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Security settings ({@code travesia.security.*}). With an OIDC issuer (or a JWK set, or a public key) configured,
 * the services accept bearer JWTs; without, they fall back to the four built-in local users.
 */
@ConfigurationProperties("travesia.security")
public record SecurityProperties(Oidc oidc, LocalUsers localUsers, Metrics metrics, RateLimit rateLimit,
                                 List<String> corsAllowedOrigins) {

    public SecurityProperties {
        oidc = oidc == null ? new Oidc(null, null, null, null, null, null, null) : oidc;
        localUsers = localUsers == null ? new LocalUsers(null, null, null) : localUsers;
        metrics = metrics == null ? new Metrics(null) : metrics;
        rateLimit = rateLimit == null ? new RateLimit(null, null) : rateLimit;
        corsAllowedOrigins = corsAllowedOrigins == null ? List.of() : List.copyOf(corsAllowedOrigins);
    }

    public boolean oidcConfigured() {
        return hasText(oidc.issuerUri()) || hasText(oidc.jwkSetUri()) || hasText(oidc.publicKeyLocation());
    }

    /** Local users are on unless OIDC is configured, or they are switched off explicitly. */
    public boolean localUsersEnabled() {
        return localUsers.enabled() == null ? !oidcConfigured() : localUsers.enabled();
    }

    static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }

    /**
     * @param issuerUri          the OIDC issuer (Keycloak: {@code https://host/realms/<realm>})
     * @param jwkSetUri          the signing keys' URL, when discovery through the issuer is not wanted
     * @param publicKeyLocation  a PEM RSA public key, for a fixed signing key
     * @param audience           if set, tokens must carry it in {@code aud}
     * @param rolesClaim         dotted path to the roles array ({@code realm_access.roles} for Keycloak realm roles)
     * @param organisationClaim  dotted path to the organisation
     * @param userClaim          the claim that names the user ({@code sub} if absent)
     */
    public record Oidc(String issuerUri, String jwkSetUri, String publicKeyLocation, String audience,
                       String rolesClaim, String organisationClaim, String userClaim) {

        public Oidc {
            rolesClaim = hasText(rolesClaim) ? rolesClaim : "roles";
            organisationClaim = hasText(organisationClaim) ? organisationClaim : "organisation";
            userClaim = hasText(userClaim) ? userClaim : "preferred_username";
        }
    }

    /**
     * @param enabled                  null means: on exactly when no OIDC is configured
     * @param organisation             the organisation the local users belong to
     * @param verifiedPasswordLifetime how long a password BCrypt verified is taken as verified without BCrypt (60 s;
     *                                 zero checks every request with BCrypt)
     */
    public record LocalUsers(Boolean enabled, String organisation, Duration verifiedPasswordLifetime) {

        public LocalUsers {
            organisation = hasText(organisation) ? organisation : "local";
            verifiedPasswordLifetime = verifiedPasswordLifetime == null ? Duration.ofSeconds(60) : verifiedPasswordLifetime;
        }
    }

    /** @param password if set, user {@code prometheus} with this password may read {@code /actuator/prometheus} */
    public record Metrics(String password) {
    }

    /**
     * @param writesPerMinute sustained writes per user per minute
     * @param burst           writes a user may make at once after a quiet spell
     */
    public record RateLimit(Integer writesPerMinute, Integer burst) {

        public RateLimit {
            writesPerMinute = writesPerMinute == null ? 120 : writesPerMinute;
            burst = burst == null ? 60 : burst;
        }
    }
}
