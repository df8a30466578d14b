package org.travesia.platform.security;

import java.util.List;
import java.util.Locale;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Maps a bearer JWT to roles and a user name, from the configured claims. A token without an organisation is refused:
 * every read is scoped by organisation, so a caller without one could only be guessed at.
 */
final class JwtActorConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final SecurityProperties.Oidc oidc;

    JwtActorConverter(SecurityProperties.Oidc oidc) {
        this.oidc = oidc;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String organisation = Claims.string(jwt, oidc.organisationClaim());
        if (organisation == null || organisation.isBlank()) {
            throw new InvalidBearerTokenException("The token names no organisation");
        }
        List<GrantedAuthority> authorities = Claims.strings(jwt, oidc.rolesClaim()).stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT)))
                .toList();
        String user = Claims.string(jwt, oidc.userClaim());
        return new JwtAuthenticationToken(jwt, authorities, user != null ? user : jwt.getSubject());
    }
}
