package org.travesia.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** An identity provider for tests: an RSA key whose public half the services trust, and tokens signed with it. */
public final class TestTokens {

    private final KeyPair keys;
    private final Path publicKey;

    private TestTokens(KeyPair keys, Path publicKey) {
        this.keys = keys;
        this.publicKey = publicKey;
    }

    public static TestTokens generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            Path pem = Files.createTempFile("travesia-test-key", ".pem");
            String encoded = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded());
            Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n" + encoded + "\n-----END PUBLIC KEY-----\n");
            pem.toFile().deleteOnExit();
            return new TestTokens(keys, pem);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The property that makes a service trust this key. */
    public String property() {
        return "travesia.security.oidc.public-key-location=file:" + publicKey;
    }

    public String token(String user, String organisation, String... roles) {
        return sign(new JWTClaimsSet.Builder().subject("sub-" + user).claim("preferred_username", user)
                .claim("organisation", organisation).claim("roles", List.of(roles))
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(3600))).build());
    }

    public String sign(JWTClaimsSet claims) {
        return sign(claims, (RSAPrivateKey) keys.getPrivate());
    }

    public static String sign(JWTClaimsSet claims, RSAPrivateKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
