package org.travesia.kernel.common;

import java.util.regex.Pattern;

/** Identifiers that people choose and type (route and segment ids): lower case, digits and dashes. */
public final class Slug {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private Slug() {
    }

    public static boolean isValid(String s) {
        return s != null && SLUG.matcher(s).matches();
    }
}
