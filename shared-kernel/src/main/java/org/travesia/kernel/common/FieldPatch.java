package org.travesia.kernel.common;

import java.util.Objects;
import java.util.function.BiFunction;

/**
 * One field of a correction, typed, as a JSON merge patch (RFC 7396) means it: left as it is ({@link Keep}, the
 * field was absent), set to a value ({@link Set}), or set to unknown ({@link Clear}, the field was {@code null}). For
 * an object, {@code Set} carries a nested patch that is merged into the current object.
 */
public sealed interface FieldPatch<T> permits FieldPatch.Keep, FieldPatch.Set, FieldPatch.Clear {

    /** The value after the patch, for a plain field. */
    T applyTo(T current);

    default boolean keeps() {
        return this instanceof Keep;
    }

    static <T> FieldPatch<T> keep() {
        return new Keep<>();
    }

    static <T> FieldPatch<T> set(T value) {
        return new Set<>(value);
    }

    static <T> FieldPatch<T> clear() {
        return new Clear<>();
    }

    /**
     * The value after the patch, for an object field: a nested patch is merged into the current value (into an empty
     * one when there is none) by {@code mergeInto}.
     */
    static <P, T> T merge(FieldPatch<P> patch, T current, BiFunction<P, T, T> mergeInto) {
        if (patch instanceof Set<P> set) {
            return mergeInto.apply(set.value(), current);
        }
        return patch instanceof Clear ? null : current;
    }

    record Keep<T>() implements FieldPatch<T> {

        @Override
        public T applyTo(T current) {
            return current;
        }
    }

    record Set<T>(T value) implements FieldPatch<T> {

        public Set {
            Objects.requireNonNull(value, "a value to set; use Clear for unknown");
        }

        @Override
        public T applyTo(T current) {
            return value;
        }
    }

    record Clear<T>() implements FieldPatch<T> {

        @Override
        public T applyTo(T current) {
            return null;
        }
    }
}
