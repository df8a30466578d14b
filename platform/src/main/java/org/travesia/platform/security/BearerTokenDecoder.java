package org.travesia.platform.security;

import java.io.IOException;
import java.io.InputStream;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * Checks bearer JWTs: the signature, against a fixed public key, the configured JWK set or the issuer's published
 * keys (the only addresses it ever fetches), then the claims every token must satisfy: not expired, and an expiry at
 * all; the issuer and audience when configured.
 */
final class BearerTokenDecoder {

    private BearerTokenDecoder() {
    }

    static JwtDecoder of(SecurityProperties.Oidc oidc) {
        // Built on first use, so a service starts even while the identity provider is still coming up.
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder;
            if (SecurityProperties.hasText(oidc.publicKeyLocation())) {
                decoder = NimbusJwtDecoder.withPublicKey(readPublicKey(oidc.publicKeyLocation())).build();
            } else if (SecurityProperties.hasText(oidc.jwkSetUri())) {
                decoder = NimbusJwtDecoder.withJwkSetUri(oidc.jwkSetUri()).build();
            } else {
                decoder = NimbusJwtDecoder.withIssuerLocation(oidc.issuerUri()).build();
            }
            decoder.setJwtValidator(validator(oidc));
            return decoder;
        });
    }

    private static OAuth2TokenValidator<Jwt> validator(SecurityProperties.Oidc oidc) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(SecurityProperties.hasText(oidc.issuerUri())
                ? JwtValidators.createDefaultWithIssuer(oidc.issuerUri())
                : JwtValidators.createDefault());
        // The default checks exp only when it is there; a token without one would be good forever.
        validators.add(new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull));
        if (SecurityProperties.hasText(oidc.audience())) {
            validators.add(new JwtClaimValidator<List<String>>("aud",
                    aud -> aud != null && aud.contains(oidc.audience())));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    private static RSAPublicKey readPublicKey(String location) {
        try (InputStream in = new DefaultResourceLoader().getResource(location).getInputStream()) {
            return RsaKeyConverters.x509().convert(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the OIDC public key at " + location, e);
        }
    }
}
