package org.travesia.command.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.travesia.kernel.common.Consent;
import org.travesia.kernel.common.FieldPatch;
import org.travesia.kernel.common.InvalidValueException;
import org.travesia.kernel.common.Violations;
import org.travesia.kernel.incident.IncidentDetails;
import org.travesia.kernel.incident.IncidentPatch;
import org.travesia.kernel.incident.IncidentPatch.AffectedPatch;
import org.travesia.kernel.incident.IncidentPatch.ConsentPatch;
import org.travesia.kernel.incident.IncidentPatch.CoordinatesPatch;
import org.travesia.kernel.incident.IncidentPatch.PlacePatch;
import org.travesia.kernel.incident.IncidentPatch.SourcePatch;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads an amendment's {@code changes}, a JSON merge patch (RFC 7396) on the incident in the shape it was reported
 * in, into a typed {@link IncidentPatch}: an absent field is left as it is, {@code null} sets it to unknown, an
 * object merges into the current one. Only the JSON's shape is judged here (known fields, JSON types); whether the
 * values are acceptable is decided by the aggregate, on the corrected incident as a whole. Violations name their
 * field under {@code changes.}.
 */
final class IncidentMergePatch {

    /** JSON types as a report's body is bound: no fraction is taken for a whole number. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    /** Set through their own commands, never by amendment. */
    private static final Set<String> NOT_AMENDABLE = Set.of("clientReportId", "sharing");
    private static final Set<String> AMENDABLE = Set.of("type", "accidentSubtype", "occurredAt",
            "occurredAtPrecision", "reportedAt", "place", "routeId", "segmentId", "affected", "nationalities",
            "perpetrator", "causesOfDeath", "source", "description", "consent");

    private IncidentMergePatch() {
    }

    static IncidentPatch read(Map<String, Object> changes) {
        if (changes == null || changes.isEmpty()) {
            throw new InvalidValueException("changes", "incident.no-changes");
        }
        Violations v = new Violations();
        Fields f = new Fields("changes", changes, v);
        f.refuse(NOT_AMENDABLE, "incident.change-not-allowed");
        f.allowOnly(AMENDABLE, NOT_AMENDABLE);
        IncidentPatch patch = new IncidentPatch(f.text("type"), f.text("accidentSubtype"), f.text("occurredAt"),
                f.text("occurredAtPrecision"), f.text("reportedAt"), f.object("place", IncidentMergePatch::place),
                f.text("routeId"), f.text("segmentId"), f.object("affected", IncidentMergePatch::affected),
                f.texts("nationalities", IncidentDetails.MAX_NATIONALITIES), f.text("perpetrator"),
                f.texts("causesOfDeath", IncidentDetails.MAX_CAUSES_OF_DEATH),
                f.object("source", IncidentMergePatch::source), f.text("description"),
                f.object("consent", IncidentMergePatch::consent));
        v.throwIfAny();
        return patch;
    }

    private static PlacePatch place(Fields f) {
        f.allowOnly(Set.of("country", "admin1", "admin2", "locality", "coordinates", "precision"));
        return new PlacePatch(f.text("country"), f.text("admin1"), f.text("admin2"), f.text("locality"),
                f.object("coordinates", IncidentMergePatch::coordinates), f.text("precision"));
    }

    private static CoordinatesPatch coordinates(Fields f) {
        f.allowOnly(Set.of("lat", "lon"));
        return new CoordinatesPatch(f.number("lat"), f.number("lon"));
    }

    private static AffectedPatch affected(Fields f) {
        f.allowOnly(Set.of("dead", "missing", "injured", "survivors", "female", "male", "children",
                "unaccompaniedChildren"));
        return new AffectedPatch(f.count("dead"), f.count("missing"), f.count("injured"), f.count("survivors"),
                f.count("female"), f.count("male"), f.count("children"), f.count("unaccompaniedChildren"));
    }

    private static SourcePatch source(Fields f) {
        f.allowOnly(Set.of("type", "quality", "reference"));
        return new SourcePatch(f.text("type"), f.count("quality"), f.text("reference"));
    }

    private static ConsentPatch consent(Fields f) {
        f.allowOnly(Set.of("obtained", "uses"));
        return new ConsentPatch(f.flag("obtained"), f.texts("uses", Consent.MAX_USES));
    }

    /** The members of one JSON object of the patch, read as typed field patches. */
    private record Fields(String path, Map<String, Object> members, Violations violations) {

        void refuse(Set<String> names, String code) {
            names.stream().filter(members::containsKey).sorted().forEach(name -> violations.add(at(name), code));
        }

        /** Reports every member that is none of the {@code known} ones (nor one refused already). */
        void allowOnly(Set<String> known, Set<String> refused) {
            members.keySet().stream().filter(name -> !known.contains(name) && !refused.contains(name))
                    .forEach(name -> violations.add(at(name), "field.unknown"));
        }

        void allowOnly(Set<String> known) {
            allowOnly(known, Set.of());
        }

        FieldPatch<String> text(String name) {
            return read(name, "string", value -> scalar(value, String.class));
        }

        FieldPatch<Boolean> flag(String name) {
            return read(name, "boolean", value -> scalar(value, Boolean.class));
        }

        FieldPatch<Double> number(String name) {
            return read(name, "number", value -> scalar(value, Double.class));
        }

        /** A whole number that fits a count; a fraction or a number beyond the int range is the wrong type. */
        FieldPatch<Integer> count(String name) {
            return read(name, "number", value -> scalar(value, Integer.class));
        }

        /**
         * A list of strings. Its length is checked first, against the same limit the kernel applies: an over-long
         * list is refused here, before a single entry is read and before any incident is loaded.
         */
        FieldPatch<List<String>> texts(String name, int max) {
            if (members.get(name) instanceof List<?> list && list.size() > max) {
                violations.add(at(name), "list.too-long", max);
                return FieldPatch.keep();
            }
            return read(name, "array", value -> {
                if (!(value instanceof List<?> list)) {
                    return null;
                }
                List<String> texts = new ArrayList<>(list.size());
                for (int i = 0; i < list.size(); i++) {
                    String text = list.get(i) == null ? null : scalar(list.get(i), String.class);
                    if (list.get(i) != null && text == null) {
                        violations.add(at(name) + "[" + i + "]", "json.wrong-type", "string");
                    }
                    texts.add(text);
                }
                return texts;
            });
        }

        @SuppressWarnings("unchecked")
        <P> FieldPatch<P> object(String name, Function<Fields, P> reader) {
            return read(name, "object", value -> value instanceof Map<?, ?> map
                    ? reader.apply(new Fields(at(name), (Map<String, Object>) map, violations)) : null);
        }

        /** Absent: keep; null: clear; a value of the expected JSON type: set; anything else: a violation. */
        private <T> FieldPatch<T> read(String name, String jsonType, Function<Object, T> typed) {
            if (!members.containsKey(name)) {
                return FieldPatch.keep();
            }
            Object value = members.get(name);
            if (value == null) {
                return FieldPatch.clear();
            }
            T read = typed.apply(value);
            if (read == null) {
                violations.add(at(name), "json.wrong-type", jsonType);
                return FieldPatch.keep();
            }
            return FieldPatch.set(read);
        }

        private String at(String name) {
            return path + "." + name;
        }

        /**
         * A JSON scalar as {@code type}, coerced as a report's body is ({@code "3"} is a count, {@code 3.5} is not);
         * null when it cannot be one. Objects and arrays are never scalars.
         */
        private static <T> T scalar(Object value, Class<T> type) {
            if (value instanceof Map || value instanceof List) {
                return null;
            }
            if (type.isInstance(value)) {
                return type.cast(value);
            }
            try {
                return JSON.convertValue(value, type);
            } catch (IllegalArgumentException notOfThatType) {
                return null;
            }
        }
    }
}
