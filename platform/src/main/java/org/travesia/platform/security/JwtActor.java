package org.travesia.platform.security;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** A caller who signed in with a bearer JWT, with the organisation and subject its claims name, read once. */
public final class JwtActor extends JwtAuthenticationToken {

    private final String organisation;
    private final String subject;

    JwtActor(Jwt jwt, Collection<? extends GrantedAuthority> authorities, String user, String organisation,
             String subject) {
        super(jwt, authorities, user);
        this.organisation = organisation;
        this.subject = subject;
    }

    public String organisation() {
        return organisation;
    }

    /** Who the identity provider says this is ({@code sub}, else the user name): stable where a name may not be. */
    public String subject() {
        return subject;
    }

    /** The token's issuer, as written in it, or null. */
    public String issuer() {
        return getToken().getClaimAsString("iss");
    }
}
