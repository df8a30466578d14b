package org.travesia.ops.compose;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Which environment variables the services actually read, found in the code rather than listed by hand, so that a
 * renamed property fails the compose checks:
 * <ul>
 * <li>every property of every {@code @ConfigurationProperties} record in {@code org.travesia}, written as Spring's
 * relaxed binding reads it from the environment ({@code travesia.event-store.gap-timeout} is
 * {@code TRAVESIA_EVENT_STORE_GAP_TIMEOUT});</li>
 * <li>every variable named in a placeholder of the services' own configuration ({@code ${MONGODB_URI:…}});</li>
 * <li>every property Spring Boot documents in its configuration metadata ({@code SPRING_PROFILES_ACTIVE}).</li>
 * </ul>
 */
public final class ServiceSettings {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final String[] SERVICE_CONFIGURATION = {"travesia-platform-defaults.properties",
            "command-service.yml", "query-service.yml"};

    private final Set<String> travesia;
    private final Set<String> placeholders;
    private final Set<String> springBoot;

    private ServiceSettings(Set<String> travesia, Set<String> placeholders, Set<String> springBoot) {
        this.travesia = travesia;
        this.placeholders = placeholders;
        this.springBoot = springBoot;
    }

    public static ServiceSettings read() {
        return new ServiceSettings(travesiaVariables(), placeholderVariables(), springBootVariables());
    }

    /** Whether a service reads {@code variable}: Travesía's properties and placeholders, or a Spring Boot property. */
    public boolean binds(String variable) {
        return travesia.contains(variable) || placeholders.contains(variable) || springBoot.contains(variable);
    }

    /** What Travesía itself reads: its properties and its placeholders, without Spring Boot's. */
    public boolean bindsAsTravesia(String variable) {
        return travesia.contains(variable) || placeholders.contains(variable);
    }

    private static Set<String> travesiaVariables() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        Set<String> variables = new TreeSet<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("org.travesia")) {
            Class<?> type = ClassUtils.resolveClassName(definition.getBeanClassName(), null);
            ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
            String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
            addProperties(prefix, type, variables);
        }
        if (variables.isEmpty()) {
            throw new IllegalStateException("No @ConfigurationProperties found under org.travesia");
        }
        return variables;
    }

    /** A record's components, nested records followed into, as environment variables. */
    private static void addProperties(String prefix, Class<?> type, Set<String> variables) {
        if (!type.isRecord()) {
            throw new IllegalStateException(type.getName() + " is not a record: read its setters here");
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String property = prefix + "." + kebab(component.getName());
            Class<?> componentType = component.getType();
            if (componentType.isRecord() && componentType.getName().startsWith("org.travesia")) {
                addProperties(property, componentType, variables);
            } else {
                // A list too: its variable holds the values separated by commas.
                variables.add(property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT));
            }
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static Set<String> placeholderVariables() {
        Set<String> variables = new TreeSet<>();
        for (String resource : SERVICE_CONFIGURATION) {
            try (InputStream in = ServiceSettings.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("No " + resource + " on the classpath");
                }
                Matcher placeholder = PLACEHOLDER.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (placeholder.find()) {
                    variables.add(placeholder.group(1));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return variables;
    }

    /** Spring Boot's documented properties, as variables (its metadata ships in its jars). */
    private static Set<String> springBootVariables() {
        Set<String> variables = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        try {
            for (URL metadata : Collections.list(ServiceSettings.class.getClassLoader()
                    .getResources("META-INF/spring-configuration-metadata.json"))) {
                for (JsonNode property : json.readTree(metadata).path("properties")) {
                    variables.add(property.get("name").asText().replace('.', '_').replace('-', '_')
                            .toUpperCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return variables;
    }
}
