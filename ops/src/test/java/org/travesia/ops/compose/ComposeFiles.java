package org.travesia.ops.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The files under {@code ops/compose}, read as Docker Compose, Prometheus, Grafana and Keycloak would read them:
 * YAML (with merge keys) and JSON. Every expression a dashboard panel or an alert rule evaluates is listed by where
 * it comes from, for the checks that need them.
 */
public final class ComposeFiles {

    public static final Path ROOT = Path.of("compose").toAbsolutePath();
    public static final Path CHECKOUT = ROOT.getParent().getParent();
    private static final ObjectMapper JSON = new ObjectMapper();

    private ComposeFiles() {
    }

    /** A YAML file as plain maps and lists; duplicate keys are refused, as Compose refuses them. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> yaml(String relativePath) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try {
            return (Map<String, Object>) new Yaml(new SafeConstructor(options))
                    .load(Files.readString(ROOT.resolve(relativePath)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(String relativePath) {
        try {
            return JSON.readTree(ROOT.resolve(relativePath).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Path> dashboards() {
        try (Stream<Path> files = Files.list(ROOT.resolve("grafana/dashboards"))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every alert rule: its name, and the rule as written. */
    @SuppressWarnings("unchecked")
    public static Map<String, Map<String, Object>> alertRules() {
        Map<String, Map<String, Object>> rules = new LinkedHashMap<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) yaml("prometheus/alerts.yml").get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                rules.put((String) rule.get("alert"), rule);
            }
        }
        return rules;
    }

    /** Every PromQL expression of the dashboards and the alert rules, keyed by where it is written. */
    public static Map<String, String> expressions() {
        Map<String, String> expressions = new LinkedHashMap<>();
        for (Path dashboard : dashboards()) {
            try {
                for (JsonNode panel : JSON.readTree(dashboard.toFile()).get("panels")) {
                    for (JsonNode target : panel.path("targets")) {
                        expressions.put(dashboard.getFileName() + " / " + panel.get("title").asText() + " / "
                                + target.get("refId").asText(), target.get("expr").asText());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        alertRules().forEach((name, rule) -> expressions.put("alerts.yml / " + name, (String) rule.get("expr")));
        return expressions;
    }

    public static List<String> lines(Path file) {
        try {
            return new ArrayList<>(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
