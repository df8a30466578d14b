package org.travesia.ops.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The series selectors of a PromQL expression (as the dashboards and alert rules write them): each metric name with
 * its label matchers. Functions, aggregations, keywords, label lists ({@code by (...)}), ranges, numbers, strings and
 * Grafana variables are passed over. A name followed by a parenthesis that is not a known function is refused, so
 * that a new function is added here knowingly rather than mistaken for a metric.
 */
public final class PromQlSelectors {

    public record Matcher(String label, String operator, String value) {
    }

    public record Selector(String metric, List<Matcher> matchers) {
    }

    private static final Set<String> FUNCTIONS = Set.of("sum", "min", "max", "avg", "count", "stddev", "stdvar", "topk",
            "bottomk", "quantile", "count_values", "group", "rate", "irate", "increase", "delta", "idelta", "deriv",
            "predict_linear", "histogram_quantile", "abs", "absent", "absent_over_time", "ceil", "floor", "round",
            "clamp", "clamp_max", "clamp_min", "label_replace", "label_join", "time", "vector", "scalar", "sort",
            "sort_desc", "exp", "ln", "log2", "log10", "sqrt", "resets", "changes", "timestamp", "avg_over_time",
            "min_over_time", "max_over_time", "sum_over_time", "count_over_time", "last_over_time",
            "quantile_over_time", "stddev_over_time", "present_over_time");
    private static final Set<String> LABEL_LIST_KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset");

    private final String expression;
    private int at;
    private final List<Selector> selectors = new ArrayList<>();

    private PromQlSelectors(String expression) {
        this.expression = expression;
    }

    public static List<Selector> of(String expression) {
        PromQlSelectors parser = new PromQlSelectors(expression);
        parser.parse();
        return parser.selectors;
    }

    private void parse() {
        while (at < expression.length()) {
            char c = expression.charAt(at);
            if (Character.isLetter(c) || c == '_' || c == ':') {
                identifier();
            } else if (c == '"' || c == '\'' || c == '`') {
                skipString(c);
            } else if (c == '[') {
                skipPast(']');
            } else if (c == '$') {
                at++;
                skipVariable();
            } else if (Character.isDigit(c) || c == '.') {
                skipNumber();
            } else if (c == '{') {
                throw new IllegalArgumentException("A selector without a metric name at " + at + ": " + expression);
            } else {
                at++;
            }
        }
    }

    private void identifier() {
        int start = at;
        while (at < expression.length() && isNamePart(expression.charAt(at))) {
            at++;
        }
        String name = expression.substring(start, at);
        skipSpaces();
        boolean call = at < expression.length() && expression.charAt(at) == '(';
        if (LABEL_LIST_KEYWORDS.contains(name)) {
            if (call) {
                skipPast(')');
            }
            return;
        }
        if (KEYWORDS.contains(name) || FUNCTIONS.contains(name)) {
            return;
        }
        if (call) {
            throw new IllegalArgumentException("Unknown function '" + name + "' in: " + expression);
        }
        List<Matcher> matchers = at < expression.length() && expression.charAt(at) == '{' ? matchers() : List.of();
        selectors.add(new Selector(name, matchers));
    }

    private List<Matcher> matchers() {
        at++;
        List<Matcher> matchers = new ArrayList<>();
        while (true) {
            skipSpaces();
            if (expression.charAt(at) == '}') {
                at++;
                return matchers;
            }
            int start = at;
            while (isNamePart(expression.charAt(at))) {
                at++;
            }
            String label = expression.substring(start, at);
            skipSpaces();
            int operatorStart = at;
            while ("=!~".indexOf(expression.charAt(at)) >= 0) {
                at++;
            }
            String operator = expression.substring(operatorStart, at);
            skipSpaces();
            char quote = expression.charAt(at);
            int valueStart = at + 1;
            skipString(quote);
            matchers.add(new Matcher(label, operator, expression.substring(valueStart, at - 1)));
            skipSpaces();
            if (expression.charAt(at) == ',') {
                at++;
            }
        }
    }

    private void skipString(char quote) {
        at++;
        while (expression.charAt(at) != quote) {
            at += expression.charAt(at) == '\\' ? 2 : 1;
        }
        at++;
    }

    private void skipPast(char end) {
        at = expression.indexOf(end, at) + 1;
        if (at == 0) {
            throw new IllegalArgumentException("No '" + end + "' to close: " + expression);
        }
    }

    private void skipVariable() {
        if (at < expression.length() && expression.charAt(at) == '{') {
            skipPast('}');
            return;
        }
        while (at < expression.length() && isNamePart(expression.charAt(at))) {
            at++;
        }
    }

    private void skipNumber() {
        while (at < expression.length() && (Character.isLetterOrDigit(expression.charAt(at))
                || expression.charAt(at) == '.')) {
            at++;
        }
    }

    private void skipSpaces() {
        while (at < expression.length() && Character.isWhitespace(expression.charAt(at))) {
            at++;
        }
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == ':';
    }
}
