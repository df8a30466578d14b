package org.travesia.platform.security;

import org.springframework.security.core.Authentication;

/**
 * Whose write bucket a request draws on: one per person, however many share a user name. A local user and a bearer
 * user are never the same caller, and a bearer user is its issuer, organisation and subject together. A record, so
 * that no choice of separator can make two different callers collide.
 *
 * @param issuer null for local users, who have none
 */
record RateLimitKey(Kind kind, String issuer, String organisation, String subject) {

    enum Kind {
        LOCAL_USER,
        BEARER_TOKEN,
        OTHER
    }

    static RateLimitKey of(Authentication authentication) {
        if (authentication.getPrincipal() instanceof TravesiaUser user) {
            return new RateLimitKey(Kind.LOCAL_USER, null, user.organisation(), user.getUsername());
        }
        if (authentication instanceof JwtActor actor) {
            return new RateLimitKey(Kind.BEARER_TOKEN, actor.issuer(), actor.organisation(), actor.subject());
        }
        return new RateLimitKey(Kind.OTHER, authentication.getClass().getName(), null, authentication.getName());
    }
}
