package org.travesia.platform.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.travesia.kernel.common.Role;
import org.travesia.platform.web.ProblemWriter;

import java.security.interfaces.RSAPublicKey;

/**
 * Who gets in, and the headers every answer carries. Role checks per endpoint sit on the controllers
 * ({@code @PreAuthorize}); this chain requires an authenticated caller everywhere but the health probes.
 */
@AutoConfiguration(before = {UserDetailsServiceAutoConfiguration.class, SecurityAutoConfiguration.class,
        ManagementWebSecurityAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
@EnableMethodSecurity
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    public static final String METRICS_USER = "prometheus";

    @Bean
    public CurrentActor currentActor(SecurityProperties properties) {
        return new CurrentActor(properties);
    }

    @Bean
    public RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("ROLE_ANALYST > ROLE_MONITOR");
    }

    @Bean
    public SecurityFilterChain apiSecurity(HttpSecurity http, SecurityProperties properties,
                                           ProblemWriter problemWriter, Environment environment) throws Exception {
        refuseLocalUsersInProduction(properties, environment);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .cors(cors -> cors.configurationSource(corsSource(properties)))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frame -> frame.deny()))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/prometheus").hasAnyRole(Role.ADMIN.name(), "METRICS")
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> {
                            if (properties.localUsersEnabled()) {
                                response.setHeader("WWW-Authenticate", "Basic realm=\"travesia\"");
                            } else {
                                response.setHeader("WWW-Authenticate", "Bearer");
                            }
                            problemWriter.unauthorized(request, response);
                        })
                        .accessDeniedHandler((request, response, e) -> problemWriter.forbidden(request, response)));
        if (properties.oidcConfigured()) {
            http.oauth2ResourceServer(oauth -> oauth
                    .jwt(jwt -> jwt.decoder(jwtDecoder(properties.oidc()))
                            .jwtAuthenticationConverter(new JwtActorConverter(properties.oidc())))
                    .authenticationEntryPoint((request, response, e) -> {
                        response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                        problemWriter.unauthorized(request, response);
                    }));
        }
        if (properties.localUsersEnabled() || SecurityProperties.hasText(properties.metrics().password())) {
            http.httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                response.setHeader("WWW-Authenticate", "Basic realm=\"travesia\"");
                problemWriter.unauthorized(request, response);
            }));
            // A provider, not a manager: the bearer-token provider must stay alongside when both are configured.
            http.authenticationProvider(localAuthentication(properties));
        }
        // After every authentication filter (Basic and bearer alike), before the authorisation decision.
        WriteRateLimitFilter rateLimit = new WriteRateLimitFilter(properties.rateLimit(), problemWriter, System::nanoTime);
        http.addFilterBefore(rateLimit, AuthorizationFilter.class);
        return http.build();
    }

    private static void refuseLocalUsersInProduction(SecurityProperties properties, Environment environment) {
        boolean production = Arrays.asList(environment.getActiveProfiles()).contains("prod");
        if (production && properties.localUsersEnabled()) {
            throw new IllegalStateException("Refusing to start: the built-in local users (password = user name) are "
                    + "enabled under the 'prod' profile. Configure OIDC (TRAVESIA_SECURITY_OIDC_ISSUER_URI) or set "
                    + "TRAVESIA_SECURITY_LOCAL_USERS_ENABLED=false.");
        }
        if (properties.localUsersEnabled()) {
            log.warn("""

                    ************************************************************************************
                    *  LOCAL USERS ENABLED: monitor, analyst, advocate and admin, each with its own    *
                    *  name as password, all in organisation '{}'. For local use only. Never expose    *
                    *  this service like this: configure OIDC, see the README.                         *
                    ************************************************************************************""",
                    properties.localUsers().organisation());
        }
    }

    private static DaoAuthenticationProvider localAuthentication(SecurityProperties properties) {
        // Cost 4: these passwords are public by design; a high cost would only slow every request down.
        BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);
        List<TravesiaUser> users = new ArrayList<>();
        if (properties.localUsersEnabled()) {
            String organisation = properties.localUsers().organisation();
            for (Role role : Role.values()) {
                String name = role.name().toLowerCase(java.util.Locale.ROOT);
                users.add(new TravesiaUser(name, encoder.encode(name), organisation,
                        List.of(new SimpleGrantedAuthority("ROLE_" + role.name()))));
            }
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
        provider.setPasswordEncoder(encoder);
        return provider;
    }

    private static JwtDecoder jwtDecoder(SecurityProperties.Oidc oidc) {
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
            List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
            validators.add(SecurityProperties.hasText(oidc.issuerUri())
                    ? JwtValidators.createDefaultWithIssuer(oidc.issuerUri())
                    : JwtValidators.createDefault());
            if (SecurityProperties.hasText(oidc.audience())) {
                validators.add(new JwtClaimValidator<List<String>>("aud",
                        aud -> aud != null && aud.contains(oidc.audience())));
            }
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
            return decoder;
        });
    }

    private static RSAPublicKey readPublicKey(String location) {
        try (var in = new DefaultResourceLoader().getResource(location).getInputStream()) {
            return org.springframework.security.converter.RsaKeyConverters.x509().convert(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot read the OIDC public key at " + location, e);
        }
    }

    private static UrlBasedCorsConfigurationSource corsSource(SecurityProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!properties.corsAllowedOrigins().isEmpty()) {
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOrigins(properties.corsAllowedOrigins());
            cors.setAllowedMethods(List.of("GET", "POST"));
            cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "Accept-Language",
                    "X-Correlation-Id", "Last-Event-ID"));
            source.registerCorsConfiguration("/api/**", cors);
        }
        return source;
    }
}
