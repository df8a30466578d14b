package org.travesia.platform.security;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.function.LongSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.password.PasswordEncoder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * BCrypt in front of every request costs a core: the profile of HTTP ingest spent most of command-service's time
 * checking the local users' passwords. So a password BCrypt has verified is taken as verified for a short while.
 * <ul>
 * <li>Only a match is remembered, never a refusal: a wrong password is always checked by BCrypt, and so costs a
 * guesser what it always did.</li>
 * <li>What is remembered is a keyed digest (HMAC-SHA-256 under a random key of this process, never stored) of the
 * stored hash and the password together: a changed password has another hash, so nothing verified against the old
 * one matches; and no password is kept in memory, nor anything that could be checked against a guess without the
 * key.</li>
 * <li>Whether the account may sign in at all (disabled, locked, expired) is not decided here: Spring's provider
 * checks it on every request, before it asks for the password.</li>
 * <li>Bounded in size and in time; eviction runs on the caller's thread, so the bound holds at every moment.</li>
 * </ul>
 */
final class VerifiedPasswordCache implements PasswordEncoder {

    private static final String MAC = "HmacSHA256";

    private final PasswordEncoder delegate;
    private final SecretKeySpec key;
    private final Cache<ByteBuffer, Boolean> verified;

    VerifiedPasswordCache(PasswordEncoder delegate, Duration lifetime, int maximumEntries, LongSupplier nanoTime) {
        this.delegate = delegate;
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.key = new SecretKeySpec(random, MAC);
        this.verified = Caffeine.newBuilder()
                .expireAfterWrite(lifetime)
                .maximumSize(maximumEntries)
                .executor(Runnable::run)
                .ticker(nanoTime::getAsLong)
                .build();
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        ByteBuffer credential = digest(rawPassword, encodedPassword);
        if (verified.getIfPresent(credential) != null) {
            return true;
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            verified.put(credential, Boolean.TRUE);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    /** The stored hash's length first, so that no other split of the same bytes gives the same digest. */
    private ByteBuffer digest(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(key);
            byte[] hash = encodedPassword.getBytes(StandardCharsets.UTF_8);
            mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(hash.length).array());
            mac.update(hash);
            mac.update(StandardCharsets.UTF_8.encode(CharBuffer.wrap(rawPassword)));
            return ByteBuffer.wrap(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every Java runtime", e);
        }
    }
}
