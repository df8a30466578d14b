package org.travesia.kernel.route;

/** A route's or a segment's name in the two languages Travesía speaks; plain, as events store it. */
public record RouteName(String en, String es) {
}
