package org.travesia.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A password BCrypt has verified is taken as verified again for a short while, without BCrypt: only the very
 * password that was verified, against the very hash it was verified against, never a refused one, for a bounded
 * number of credentials, and a user's account checks (disabled, locked) still run on every request.
 */
class VerifiedPasswordCacheTest {

    private static final Duration LIFETIME = Duration.ofSeconds(30);

    private final CountingEncoder bcrypt = new CountingEncoder(new BCryptPasswordEncoder(4));
    private final AtomicLong nanos = new AtomicLong();
    private final VerifiedPasswordCache cache = new VerifiedPasswordCache(bcrypt, LIFETIME, 10, nanos::get);
    private final Map<String, UserDetails> users = new HashMap<>();
    private final DaoAuthenticationProvider provider = providerOver(users, cache);

    @Test
    void aVerifiedPasswordIsNotCheckedWithBCryptAgainWithinItsLifetime() {
        user("monitor", "monitor", true);

        signIn("monitor", "monitor");
        signIn("monitor", "monitor");
        nanos.addAndGet(LIFETIME.minusSeconds(1).toNanos());
        signIn("monitor", "monitor");

        assertThat(bcrypt.checks.get()).isEqualTo(1);
    }

    @Test
    void aWrongPasswordIsCheckedWithBCryptEveryTimeAndRefused() {
        user("monitor", "monitor", true);
        signIn("monitor", "monitor");

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> signIn("monitor", "monitor2")).isInstanceOf(BadCredentialsException.class);
        }

        assertThat(bcrypt.checks.get()).isEqualTo(4);
    }

    @Test
    void afterAPasswordChangeTheOldPasswordIsRefusedAndTheNewOneAccepted() {
        user("monitor", "old password", true);
        signIn("monitor", "old password");

        user("monitor", "new password", true);

        assertThatThrownBy(() -> signIn("monitor", "old password")).isInstanceOf(BadCredentialsException.class);
        signIn("monitor", "new password");
    }

    @Test
    void aDisabledUserIsRefusedThoughTheirPasswordWasVerifiedAMomentAgo() {
        user("monitor", "monitor", true);
        signIn("monitor", "monitor");

        user("monitor", "monitor", false);

        assertThatThrownBy(() -> signIn("monitor", "monitor")).isInstanceOf(DisabledException.class);
    }

    @Test
    void aVerifiedPasswordIsCheckedWithBCryptAgainOnceItsLifetimeIsOver() {
        user("monitor", "monitor", true);
        signIn("monitor", "monitor");

        nanos.addAndGet(LIFETIME.plusSeconds(1).toNanos());
        signIn("monitor", "monitor");

        assertThat(bcrypt.checks.get()).isEqualTo(2);
    }

    @Test
    void theCacheHoldsNoMoreThanItsBound() {
        for (int i = 0; i < 50; i++) {
            user("user-" + i, "password-" + i, true);
            signIn("user-" + i, "password-" + i);
        }
        bcrypt.checks.set(0);

        for (int i = 0; i < 50; i++) {
            signIn("user-" + i, "password-" + i);
        }

        assertThat(bcrypt.checks.get()).as("at most 10 of 50 served from the cache").isGreaterThanOrEqualTo(40);
    }

    private void user(String name, String password, boolean enabled) {
        users.put(name, User.withUsername(name).password(bcrypt.encode(password)).disabled(!enabled)
                .authorities(List.of(new SimpleGrantedAuthority("ROLE_MONITOR"))).build());
    }

    private void signIn(String name, String password) {
        assertThat(provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(name, password))
                .isAuthenticated()).isTrue();
    }

    private static DaoAuthenticationProvider providerOver(Map<String, UserDetails> users, PasswordEncoder encoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(name -> {
            UserDetails user = users.get(name);
            if (user == null) {
                throw new UsernameNotFoundException("unknown user");
            }
            return User.withUserDetails(user).build();
        });
        provider.setPasswordEncoder(encoder);
        return provider;
    }

    /** BCrypt, counting how often it is asked to check a password. */
    private static final class CountingEncoder implements PasswordEncoder {

        private final PasswordEncoder delegate;
        private final AtomicInteger checks = new AtomicInteger();

        CountingEncoder(PasswordEncoder delegate) {
            this.delegate = delegate;
        }

        @Override
        public String encode(CharSequence rawPassword) {
            return delegate.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            checks.incrementAndGet();
            return delegate.matches(rawPassword, encodedPassword);
        }
    }
}
