package org.travesia.platform.security;

import org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.travesia.platform.web.ProblemWriter;
import org.travesia.platform.web.SecurityHeaders;

/**
 * The filter chain: who gets in, and the headers every answer carries. How each kind of caller is recognised lives
 * next door: {@link LocalUserAuthentication} (HTTP Basic), {@link BearerTokenDecoder} and {@link JwtActorConverter}
 * (OIDC bearer tokens), {@link CorsPolicy}, {@link WriteRateLimitFilter}. Role checks per endpoint sit on the
 * controllers ({@code @PreAuthorize}); this chain requires an authenticated caller everywhere but the health probes.
 */
@AutoConfiguration(before = {UserDetailsServiceAutoConfiguration.class, SecurityAutoConfiguration.class,
        ManagementWebSecurityAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
@EnableMethodSecurity
public class SecurityConfiguration {

    @Bean
    public CurrentActor currentActor() {
        return new CurrentActor();
    }

    @Bean
    public RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("ROLE_ANALYST > ROLE_MONITOR");
    }

    @Bean
    public SecurityFilterChain apiSecurity(HttpSecurity http, SecurityProperties properties,
                                           ProblemWriter problemWriter, Environment environment) throws Exception {
        LocalUserAuthentication.refuseInProduction(properties, environment);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .cors(cors -> cors.configurationSource(CorsPolicy.of(properties)))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frame -> frame.deny()))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        // Installation-wide: every organisation's processors, and the store's head position.
                        .requestMatchers("/actuator/prometheus").hasAnyRole(GrantedRoles.OPERATOR, "METRICS")
                        .requestMatchers("/actuator/**").hasRole(GrantedRoles.OPERATOR)
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
                    .jwt(jwt -> jwt.decoder(BearerTokenDecoder.of(properties.oidc()))
                            .jwtAuthenticationConverter(new JwtActorConverter(properties.oidc())))
                    .authenticationEntryPoint((request, response, e) -> {
                        response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                        problemWriter.unauthorized(request, response);
                    }));
        }
        if (LocalUserAuthentication.needed(properties)) {
            http.httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                response.setHeader("WWW-Authenticate", "Basic realm=\"travesia\"");
                problemWriter.unauthorized(request, response);
            }));
            // A provider, not a manager: the bearer-token provider must stay alongside when both are configured.
            http.authenticationProvider(LocalUserAuthentication.provider(properties));
        }
        // After every authentication filter (Basic and bearer alike), before the authorisation decision.
        WriteRateLimitFilter rateLimit = new WriteRateLimitFilter(properties.rateLimit(), problemWriter, System::nanoTime);
        http.addFilterBefore(rateLimit, AuthorizationFilter.class);
        return http.build();
    }
}
