package org.travesia.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.security.oauth2.jwt.Jwt;

/** Reads claims by dotted path ({@code realm_access.roles}), as identity providers nest them differently. */
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

    static String string(Jwt jwt, String path) {
        Object value = at(jwt, path);
        return value == null ? null : value.toString();
    }

    static List<String> strings(Jwt jwt, String path) {
        Object value = at(jwt, path);
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        if (value instanceof String single) {
            return List.of(single.split("[ ,]+"));
        }
        return List.of();
    }
}
