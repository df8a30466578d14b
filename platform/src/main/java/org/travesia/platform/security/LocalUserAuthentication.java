package org.travesia.platform.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.travesia.kernel.common.Role;

/**
 * The users who sign in with HTTP Basic: the built-in local users (password = user name, for local work only: one
 * per role, and {@code operator}, who runs the processors) and the Prometheus scrape user when it has a password.
 * Also the guard that keeps the local users out of production.
 */
final class LocalUserAuthentication {

    private static final Logger log = LoggerFactory.getLogger(LocalUserAuthentication.class);
    static final String METRICS_USER = "prometheus";
    private static final String OPERATOR_USER = "operator";
    private static final int VERIFIED_PASSWORDS_KEPT = 1_000;

    private LocalUserAuthentication() {
    }

    static boolean needed(SecurityProperties properties) {
        return properties.localUsersEnabled() || SecurityProperties.hasText(properties.metrics().password());
    }

    /** Refuses to start under the {@code prod} profile while the local users are on; otherwise says loudly they are. */
    static void refuseInProduction(SecurityProperties properties, Environment environment) {
        boolean production = Arrays.asList(environment.getActiveProfiles()).contains("prod");
        if (production && properties.localUsersEnabled()) {
            throw new IllegalStateException("Refusing to start: the built-in local users (password = user name) are "
                    + "enabled under the 'prod' profile. Configure OIDC (TRAVESIA_SECURITY_OIDC_ISSUER_URI) or set "
                    + "TRAVESIA_SECURITY_LOCAL_USERS_ENABLED=false.");
        }
        if (properties.localUsersEnabled()) {
            log.warn("""

                    ************************************************************************************
                    *  LOCAL USERS ENABLED: monitor, analyst, advocate, admin and operator, each with  *
                    *  its own name as password, all in organisation '{}'. For local use only.         *
                    *  Never expose this service like this: configure OIDC, see the README.            *
                    ************************************************************************************""",
                    properties.localUsers().organisation());
        }
    }

    static DaoAuthenticationProvider provider(SecurityProperties properties) {
        // Cost 4: these passwords are public by design; a high cost would only slow every request down.
        BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);
        List<TravesiaUser> users = new ArrayList<>();
        if (properties.localUsersEnabled()) {
            String organisation = properties.localUsers().organisation();
            for (Role role : Role.values()) {
                String name = role.name().toLowerCase(Locale.ROOT);
                users.add(new TravesiaUser(name, encoder.encode(name), organisation,
                        List.of(new SimpleGrantedAuthority("ROLE_" + role.name()))));
            }
            // The local default holds one organisation, so its operator sees only that organisation's processing.
            users.add(new TravesiaUser(OPERATOR_USER, encoder.encode(OPERATOR_USER), organisation,
                    List.of(new SimpleGrantedAuthority("ROLE_" + GrantedRoles.OPERATOR))));
        }
        if (SecurityProperties.hasText(properties.metrics().password())) {
            users.add(new TravesiaUser(METRICS_USER, encoder.encode(properties.metrics().password()), "-",
                    List.of(new SimpleGrantedAuthority("ROLE_METRICS"))));
        }
        // Spring's in-memory manager would hand back plain Users and lose the organisation, and the provider erases
        // credentials on what it is given: so each lookup gets a fresh copy.
        Map<String, TravesiaUser> byName = users.stream().collect(Collectors.toMap(TravesiaUser::getUsername, u -> u));
        UserDetailsService lookup = name -> {
            TravesiaUser user = byName.get(name);
            if (user == null) {
                throw new UsernameNotFoundException("unknown user");
            }
            return new TravesiaUser(user.getUsername(), user.getPassword(), user.organisation(), user.getAuthorities());
        };
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(lookup);
        // Long enough that a client posting a burst pays BCrypt once, short enough that nothing outlives a session.
        Duration lifetime = properties.localUsers().verifiedPasswordLifetime();
        provider.setPasswordEncoder(lifetime.isZero() ? encoder
                : new VerifiedPasswordCache(encoder, lifetime, VERIFIED_PASSWORDS_KEPT, System::nanoTime));
        return provider;
    }
}
