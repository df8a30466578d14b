package org.travesia.platform.web;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds the settings both services share: {@code travesia-platform-defaults.properties} with the lowest precedence,
 * so that a service's own configuration and the environment always win; under the {@code prod} profile,
 * {@code travesia-platform-prod.properties} just above those (JSON logs); and
 * {@code travesia-platform-enforced.properties} with the highest, so that nothing can change those.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    public static final String PRODUCTION_PROFILE = "prod";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(properties("travesiaPlatformDefaults",
                "travesia-platform-defaults.properties"));
        if (environment.acceptsProfiles(Profiles.of(PRODUCTION_PROFILE))) {
            environment.getPropertySources().addBefore("travesiaPlatformDefaults",
                    properties("travesiaPlatformProduction", "travesia-platform-prod.properties"));
        }
        environment.getPropertySources().addFirst(properties("travesiaPlatformEnforced",
                "travesia-platform-enforced.properties"));
    }

    private static ResourcePropertySource properties(String name, String resource) {
        try {
            return new ResourcePropertySource(name, new ClassPathResource(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
