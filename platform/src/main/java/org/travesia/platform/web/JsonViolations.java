package org.travesia.platform.web;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.travesia.kernel.common.InvalidValueException;
import org.travesia.kernel.common.Violation;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/** Turns JSON mapping failures into violations with stable codes and field paths. */
public final class JsonViolations {

    private JsonViolations() {
    }

    /** The violation a Jackson mapping failure stands for, with the JSON path of the offending value. */
    public static Violation of(JsonMappingException e) {
        String path = path(e.getPath());
        if (e instanceof ValueInstantiationException && e.getCause() instanceof InvalidValueException invalid) {
            return invalid.under(path).violations().get(0);
        }
        if (e instanceof UnrecognizedPropertyException) {
            return Violation.of(path, "field.unknown");
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            String allowed = Arrays.stream(format.getTargetType().getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
            return Violation.of(path, "enum.unknown", allowed);
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return Violation.of(path, "json.wrong-type", simpleTypeName(mismatch.getTargetType()));
        }
        return Violation.of(path, "json.malformed");
    }

    private static String simpleTypeName(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == String.class || type.isEnum()) {
            return "string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        return "object";
    }

    public static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
