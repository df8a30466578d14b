package org.travesia.command.incident;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.travesia.kernel.common.InvalidValueException;
import org.travesia.kernel.common.Violations;
import org.travesia.kernel.incident.IncidentDetails;
import org.travesia.platform.web.JsonViolations;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Applies an amendment's {@code changes} to an incident's details, as a JSON merge patch (RFC 7386) on the details
 * in the shape they were reported in: nested objects merge, {@code null} sets a value to unknown. The result goes
 * through the same rules as a new report, and violations name the field under {@code changes.}.
 */
final class IncidentAmendments {

    /** Set through their own commands, never by amendment. */
    private static final Set<String> NOT_AMENDABLE = Set.of("clientReportId", "sharing");
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private static final JsonMapper JSON = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private IncidentAmendments() {
    }

    static IncidentDetails apply(IncidentDetails current, Map<String, Object> changes) {
        if (changes == null || changes.isEmpty()) {
            throw new InvalidValueException("changes", "incident.no-changes");
        }
        Violations refused = new Violations();
        for (String field : changes.keySet()) {
            refused.check(!NOT_AMENDABLE.contains(field), "changes." + field, "incident.change-not-allowed");
        }
        refused.throwIfAny();
        Map<String, Object> merged = mergePatch(JSON.convertValue(IncidentRequestMapper.toRequest(current), MAP), changes);
        IncidentReportRequest request;
        try {
            request = JSON.convertValue(merged, IncidentReportRequest.class);
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof JsonMappingException mapping) {
                throw new InvalidValueException(List.of(JsonViolations.of(mapping).under("changes")));
            }
            throw new InvalidValueException("changes", "json.malformed");
        }
        Violations v = new Violations();
        IncidentDetails amended = IncidentRequestMapper.details(request, v);
        try {
            v.throwIfAny();
        } catch (InvalidValueException e) {
            throw e.under("changes");
        }
        return amended;
    }

    /** The top-level fields whose values differ. */
    static List<String> changedFields(IncidentDetails before, IncidentDetails after) {
        List<String> changed = new ArrayList<>();
        for (RecordComponent component : IncidentDetails.class.getRecordComponents()) {
            try {
                if (!Objects.equals(component.getAccessor().invoke(before), component.getAccessor().invoke(after))) {
                    changed.add(component.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return changed;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> mergePatch(Map<String, Object> target, Map<String, Object> patch) {
        Map<String, Object> result = new LinkedHashMap<>(target);
        for (Map.Entry<String, Object> entry : patch.entrySet()) {
            Object value = entry.getValue();
            if (value instanceof Map<?, ?> patchObject && result.get(entry.getKey()) instanceof Map<?, ?> targetObject) {
                result.put(entry.getKey(), mergePatch((Map<String, Object>) targetObject, (Map<String, Object>) patchObject));
            } else {
                result.put(entry.getKey(), value);
            }
        }
        return result;
    }
}
