package org.travesia.kernel.common;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Field-level differences between two values of one record type, by component name: what a correction event
 * records (only the fields that changed) and how it is applied again on replay.
 */
public final class RecordDelta {

    private RecordDelta() {
    }

    /** The names of the components whose values differ, in declaration order. */
    public static <R extends Record> List<String> changedFields(R before, R after) {
        List<String> changed = new ArrayList<>();
        for (RecordComponent component : after.getClass().getRecordComponents()) {
            if (!Objects.equals(value(component, before), value(component, after))) {
                changed.add(component.getName());
            }
        }
        return changed;
    }

    /** A copy of {@code source} holding only the named components; every other one is null. */
    public static <R extends Record> R only(R source, Collection<String> fields) {
        return copy(source, null, fields);
    }

    /** {@code target} with the named components taken from {@code delta}; names it does not have are ignored. */
    public static <R extends Record> R apply(R target, R delta, Collection<String> fields) {
        return copy(delta, target, fields);
    }

    /** Each named component from {@code named}, every other one from {@code rest} (or null when rest is null). */
    private static <R extends Record> R copy(R named, R rest, Collection<String> fields) {
        RecordComponent[] components = named.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            values[i] = fields.contains(component.getName()) ? value(component, named)
                    : rest == null ? null : value(component, rest);
        }
        try {
            @SuppressWarnings("unchecked")
            Constructor<R> canonical = (Constructor<R>) named.getClass().getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot copy " + named.getClass().getSimpleName(), e);
        }
    }

    private static Object value(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + component.getName(), e);
        }
    }
}
