package org.travesia.ops.readme;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a README comment {@code # → …} says a command answers, as far as it can be checked: the status when it starts
 * with one, a problem's stable code when it names one ({@code incident.version-conflict}), and the fields of a JSON
 * answer it shows, with their values unless shown as {@code …}. Prose after that is for people.
 *
 * @param status the status it names, or 0 for "any success"
 * @param code   the problem code it names, or null
 * @param fields the JSON fields it shows: name to literal value, or null for "present, any value"
 */
record Expectation(int status, String code, Map<String, String> fields) {

    private static final Pattern ARROW = Pattern.compile("#\\s*→\\s*(.*)");
    private static final Pattern STATUS = Pattern.compile("^(\\d{3})\\b\\s*(.*)");
    private static final Pattern CODE = Pattern.compile("^([a-z]+(?:\\.[a-z-]+)+)\\b");
    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*(\"[^\"]*\"|[^,}\\s]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The expectation in a comment, or null when the comment states none. */
    static Expectation inComment(String comment) {
        if (comment == null) {
            return null;
        }
        Matcher arrow = ARROW.matcher(comment.strip());
        if (!arrow.matches()) {
            return null;
        }
        String rest = arrow.group(1).strip();
        int status = 0;
        Matcher statusMatch = STATUS.matcher(rest);
        if (statusMatch.matches()) {
            status = Integer.parseInt(statusMatch.group(1));
            rest = statusMatch.group(2);
        }
        Matcher codeMatch = CODE.matcher(rest);
        String code = codeMatch.find() ? codeMatch.group(1) : null;
        Map<String, String> fields = new LinkedHashMap<>();
        if (rest.startsWith("{")) {
            Matcher field = FIELD.matcher(rest.substring(0, rest.indexOf('}') + 1));
            while (field.find()) {
                String value = field.group(2);
                fields.put(field.group(1), value.contains("…") ? null : value);
            }
        }
        return new Expectation(status, code, fields);
    }

    /** Why an answer does not meet this expectation, or null when it does. */
    String mismatch(int actualStatus, String body) {
        if (status != 0 ? actualStatus != status : actualStatus >= 400) {
            return "answered " + actualStatus + ", expected " + (status != 0 ? status : "success");
        }
        if (code == null && fields.isEmpty()) {
            return null;
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (Exception e) {
            return "answered something that is not JSON: " + body;
        }
        if (code != null && !answersCode(json, code)) {
            return "answered code " + json.get("code") + ", expected " + code;
        }
        for (Map.Entry<String, String> field : fields.entrySet()) {
            JsonNode actual = json.get(field.getKey());
            if (actual == null) {
                return "has no field " + field.getKey() + ": " + body;
            }
            if (field.getValue() != null && !field.getValue().equals(actual.toString())) {
                return "has " + field.getKey() + " = " + actual + ", expected " + field.getValue();
            }
        }
        return null;
    }

    /**
     * The problem's own code, or the code of one of its field errors: a validation problem is {@code
     * problem.validation}, and the stable code a client switches on ({@code geometry.invalid}) is its field's.
     */
    private static boolean answersCode(JsonNode json, String code) {
        if (json.get("code") != null && code.equals(json.get("code").asText())) {
            return true;
        }
        JsonNode errors = json.get("errors");
        if (errors == null) {
            return false;
        }
        for (JsonNode error : errors) {
            if (error.get("code") != null && code.equals(error.get("code").asText())) {
                return true;
            }
        }
        return false;
    }

    /** No comment: any success will do. */
    static Expectation success() {
        return new Expectation(0, null, Map.of());
    }
}
