package org.travesia.platform.security;

import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Maps a bearer JWT to a {@link JwtActor}: user, organisation and roles from the configured claims. A token that
 * names no organisation, or no user (neither the user claim nor {@code sub}), is refused: every read is scoped by
 * organisation and every event names who acted, so neither can be guessed at.
 */
final class JwtActorConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final SecurityProperties.Oidc oidc;

    JwtActorConverter(SecurityProperties.Oidc oidc) {
        this.oidc = oidc;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String organisation = Claims.name(jwt, oidc.organisationClaim());
        if (organisation == null) {
            throw new InvalidBearerTokenException("The token names no organisation");
        }
        String subject = Claims.name(jwt, "sub");
        String user = Claims.name(jwt, oidc.userClaim());
        if (user == null) {
            user = subject;
        }
        if (user == null) {
            throw new InvalidBearerTokenException("The token names no user");
        }
        List<GrantedAuthority> authorities = Claims.strings(jwt, oidc.rolesClaim()).stream()
                .flatMap(role -> GrantedRoles.fromToken(role).stream())
                .distinct()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
        return new JwtActor(jwt, authorities, user, organisation, subject != null ? subject : user);
    }
}
