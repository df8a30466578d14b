package org.travesia.platform.privacy;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;

import org.travesia.kernel.contract.PersonalData;

/**
 * Walks the {@link PersonalData} fields of a record, its nested records and lists of records, by path ({@code
 * place.locality}), to copy it with each marked value transformed (sealed, opened) or to look at each. Marked fields
 * are Strings or lists of Strings (the kernel's contract tests hold them to it).
 */
final class MarkedFields {

    /** One value's transformation, given its path from the root record. */
    interface Transform {
        String apply(String path, String value);
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private MarkedFields() {
    }

    /** A copy of {@code record} with every marked value replaced by {@code transform}'s answer. */
    @SuppressWarnings("unchecked")
    static <R> R map(R record, String prefix, Transform transform) {
        if (record == null) {
            return null;
        }
        Shape shape = SHAPES.get(record.getClass());
        if (!shape.holdsMarkedFields()) {
            return record;
        }
        Object[] values = new Object[shape.components.length];
        for (int i = 0; i < values.length; i++) {
            RecordComponent component = shape.components[i];
            Object value = read(component, record);
            String path = prefix + component.getName();
            values[i] = switch (shape.kinds[i]) {
                case MARKED_TEXT -> transform.apply(path, (String) value);
                case MARKED_TEXTS -> value == null ? null
                        : ((List<String>) value).stream().map(text -> transform.apply(path, text)).toList();
                case RECORD -> map(value, path + ".", transform);
                case RECORDS -> value == null ? null
                        : ((List<Object>) value).stream().map(item -> map(item, path + ".", transform)).toList();
                case PLAIN -> value;
            };
        }
        try {
            return (R) shape.constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot copy " + record.getClass().getSimpleName(), e);
        }
    }

    /** Every marked value of {@code record} with its path, nulls included. */
    static void visit(Object record, String prefix, Transform visitor) {
        map(record, prefix, (path, value) -> {
            visitor.apply(path, value);
            return value;
        });
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + component.getName(), e);
        }
    }

    private enum Kind {
        PLAIN, MARKED_TEXT, MARKED_TEXTS, RECORD, RECORDS
    }

    /** What each component of a record type is, worked out once per type. */
    private static final class Shape {

        private final RecordComponent[] components;
        private final Kind[] kinds;
        private final Constructor<?> constructor;

        private Shape(RecordComponent[] components, Kind[] kinds, Constructor<?> constructor) {
            this.components = components;
            this.kinds = kinds;
            this.constructor = constructor;
        }

        static Shape of(Class<?> type) {
            if (!type.isRecord()) {
                return new Shape(new RecordComponent[0], new Kind[0], null);
            }
            RecordComponent[] components = type.getRecordComponents();
            Kind[] kinds = new Kind[components.length];
            for (int i = 0; i < components.length; i++) {
                kinds[i] = kind(components[i]);
            }
            try {
                Constructor<?> canonical = type.getDeclaredConstructor(
                        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
                canonical.setAccessible(true);
                return new Shape(components, kinds, canonical);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type.getName() + " has no canonical constructor", e);
            }
        }

        boolean holdsMarkedFields() {
            return Arrays.stream(kinds).anyMatch(kind -> kind != Kind.PLAIN);
        }

        private static Kind kind(RecordComponent component) {
            Type type = component.getGenericType();
            if (component.isAnnotationPresent(PersonalData.class)) {
                return component.getType() == String.class ? Kind.MARKED_TEXT : Kind.MARKED_TEXTS;
            }
            if (component.getType().isRecord()) {
                return Kind.RECORD;
            }
            if (type instanceof ParameterizedType list && list.getRawType() == List.class
                    && list.getActualTypeArguments()[0] instanceof Class<?> item && item.isRecord()) {
                return Kind.RECORDS;
            }
            return Kind.PLAIN;
        }
    }
}
