package org.travesia.kernel.common;

/** A human label in the two languages Travesía speaks. */
public record Label(String en, String es) {

    public String in(String language) {
        return "es".equals(language) ? es : en;
    }
}
