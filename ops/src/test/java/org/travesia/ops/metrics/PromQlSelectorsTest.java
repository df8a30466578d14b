package org.travesia.ops.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.travesia.ops.metrics.PromQlSelectors.Matcher;
import org.travesia.ops.metrics.PromQlSelectors.Selector;

/** What the metrics check reads out of an expression: metric names and their matchers, and nothing else. */
class PromQlSelectorsTest {

    @Test
    void metricNamesAndMatchersAreFoundInsideFunctionsAndAggregations() {
        List<Selector> selectors = PromQlSelectors.of("histogram_quantile(0.95, sum by (le, uri) "
                + "(rate(http_server_requests_seconds_bucket{application=\"query-service\", uri=~\"/api/v1/.*\"}"
                + "[$__rate_interval])))");

        assertThat(selectors).containsExactly(new Selector("http_server_requests_seconds_bucket", List.of(
                new Matcher("application", "=", "query-service"), new Matcher("uri", "=~", "/api/v1/.*"))));
    }

    @Test
    void operatorsKeywordsNumbersAndRangesAreNotMetrics() {
        List<Selector> selectors = PromQlSelectors.of("max by (processor) (travesia_a) > 1000 or "
                + "min(predict_linear(travesia_b[6h], 24 * 3600)) < 0 and on (x) up == 0.01 unless "
                + "delta(travesia_c[15m]) > 1e3");

        assertThat(selectors).extracting(Selector::metric)
                .containsExactly("travesia_a", "travesia_b", "up", "travesia_c");
    }

    @Test
    void aMatcherValueMayHoldWhatLooksLikeAnExpression() {
        assertThat(PromQlSelectors.of("x{status=~\"5..\", event!=\"incident.reported\"}")).containsExactly(
                new Selector("x", List.of(new Matcher("status", "=~", "5.."),
                        new Matcher("event", "!=", "incident.reported"))));
    }

    @Test
    void anUnknownFunctionIsRefusedRatherThanTakenForAMetric() {
        assertThatThrownBy(() -> PromQlSelectors.of("holt_winters(x[5m], 0.5, 0.5)"))
                .hasMessageContaining("Unknown function 'holt_winters'");
    }
}
