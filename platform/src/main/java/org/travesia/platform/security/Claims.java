package org.travesia.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Reads claims by dotted path ({@code realm_access.roles}), as identity providers nest them differently, and exactly:
 * a claim that should name something must be a non-empty string, not an array, object, number or boolean that a
 * careless {@code toString()} would turn into one.
 */
final class Claims {

    private Claims() {
    }

    static Object at(Jwt jwt, String path) {
        Object current = jwt.getClaims();
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    /** The claim at {@code path}: null when absent, else a non-empty string, or the token is refused. */
    static String name(Jwt jwt, String path) {
        Object value = at(jwt, path);
        if (value == null) {
            return null;
        }
        if (value instanceof String text && !text.isBlank()) {
            return text;
        }
        throw new InvalidBearerTokenException("The claim " + path + " must be a non-empty string");
    }

    /** Role names: an array of strings, or one string of names separated by spaces or commas. */
    static List<String> strings(Jwt jwt, String path) {
        Object value = at(jwt, path);
        if (value instanceof Collection<?> values) {
            return values.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        if (value instanceof String single) {
            return List.of(single.split("[ ,]+"));
        }
        return List.of();
    }
}
