package org.travesia.ops.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.travesia.ops.compose.ComposeFileTest.list;
import static org.travesia.ops.compose.ComposeFileTest.map;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * {@code prometheus.yml} scrapes exactly the compose file's services, where they listen, with their scrape user;
 * {@code alerts.yml} holds the rules the operators were promised, each with a severity, a summary and a runbook that
 * exists. (That every metric they use is served is {@code DashboardAndAlertMetricsExistTest}.)
 */
class PrometheusConfigurationTest {

    private final Map<String, Object> prometheus = ComposeFiles.yaml("prometheus/prometheus.yml");
    private final Map<String, Object> compose = ComposeFiles.yaml("docker-compose.yml");

    @Test
    @SuppressWarnings("unchecked")
    void everyTravesiaServiceIsScrapedWhereItListensWithTheScrapeUser() {
        Map<String, Object> services = map(compose, "services");
        List<Map<String, Object>> jobs = (List<Map<String, Object>>) prometheus.get("scrape_configs");
        Map<String, Integer> scraped = new java.util.TreeMap<>();
        for (Map<String, Object> job : jobs) {
            assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
            Map<String, Object> auth = map(job, "basic_auth");
            assertThat(auth.get("username")).isEqualTo("prometheus");
            assertThat(auth.get("password_file")).isEqualTo("/run/secrets/metrics_password");
            for (Map<String, Object> discovery : (List<Map<String, Object>>) job.get("dns_sd_configs")) {
                for (String name : (List<String>) discovery.get("names")) {
                    scraped.put(name, (Integer) discovery.get("port"));
                }
            }
        }

        assertThat(scraped).containsOnlyKeys("command-service", "query-service");
        scraped.forEach((service, port) -> {
            Map<String, Object> definition = map(services, service);
            assertThat(list(definition, "ports")).as(service).allMatch(mapping -> mapping.endsWith(":" + port));
            Map<String, Object> environment = map(definition, "environment");
            assertThat(environment).as(service).containsKey("TRAVESIA_SECURITY_METRICS_PASSWORD");
            assertThat(String.valueOf(environment.get(service.equals("command-service") ? "COMMAND_SERVICE_PORT"
                    : "QUERY_SERVICE_PORT"))).isEqualTo(String.valueOf(port));
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRulesAndAlertmanagerAreThoseTheComposeFileMounts() {
        List<String> mounts = list(map(map(compose, "services"), "prometheus"), "volumes");
        for (String ruleFile : (List<String>) prometheus.get("rule_files")) {
            assertThat(mounts).contains("./prometheus/" + ruleFile.substring(ruleFile.lastIndexOf('/') + 1) + ":"
                    + ruleFile + ":ro");
        }
        Map<String, Object> alerting = (Map<String, Object>) ((List<Object>) map(prometheus, "alerting")
                .get("alertmanagers")).get(0);
        List<String> targets = (List<String>) ((Map<String, Object>) ((List<Object>) alerting.get("static_configs"))
                .get(0)).get("targets");
        assertThat(targets).containsExactly("alertmanager:9093");
        assertThat(map(map(compose, "services"), "alertmanager")).isNotNull();
        assertThat(ComposeFiles.yaml("alertmanager/alertmanager.yml")).containsKeys("route", "receivers");
    }

    @Test
    void theRulesOperatorsWerePromisedAreThere() {
        Map<String, Map<String, Object>> rules = ComposeFiles.alertRules();

        assertThat(rules).containsKeys("TravesiaProcessorLagging", "TravesiaProcessorInError", "TravesiaDeadLetters",
                "TravesiaServerErrors", "TravesiaFencedPositions", "TravesiaStoreDiskFilling",
                "TravesiaStoreDiskAlmostFull", "TravesiaProcessorSegmentUnclaimed", "TravesiaWebhookDeliveriesFailing");
        assertThat((String) rules.get("TravesiaProcessorLagging").get("expr"))
                .contains("travesia_processor_segment_lag_events) > 1000")
                .contains("travesia_processor_segment_lag_seconds) > 60");
        assertThat((String) rules.get("TravesiaServerErrors").get("expr")).contains("status=~\"5..\"")
                .contains("> 0.01");
        assertThat((String) rules.get("TravesiaWebhookDeliveriesFailing").get("expr"))
                .contains("travesia_webhooks_deliveries_total{outcome=\"failed\"}")
                .contains("travesia_webhooks_retry_backlog");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyRuleHasASeverityASummaryAndARunbookThatExists() {
        ComposeFiles.alertRules().forEach((name, rule) -> {
            assertThat(Set.of("warning", "critical")).as(name).contains((String) map(rule, "labels").get("severity"));
            Map<String, Object> annotations = map(rule, "annotations");
            assertThat((String) annotations.get("summary")).as(name).isNotBlank();
            String runbook = (String) annotations.get("runbook_url");
            assertThat(ComposeFiles.CHECKOUT.resolve(runbook)).as(name + " runbook").exists();
            assertThat(balanced((String) rule.get("expr"))).as(name + " parentheses").isTrue();
        });
    }

    private static boolean balanced(String expression) {
        int depth = 0;
        for (char c : expression.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }
}
