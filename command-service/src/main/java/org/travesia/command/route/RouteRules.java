package org.travesia.command.route;

import org.travesia.kernel.common.InvalidValueException;

/** Limits shared by the route's commands and their HTTP edge. */
final class RouteRules {

    static final int MAX_TEXT_LENGTH = 2000;
    static final int MAX_NAME_LENGTH = 200;

    private RouteRules() {
    }

    static void requireShortText(String field, String text) {
        if (text != null && text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidValueException(field, "text.too-long", MAX_TEXT_LENGTH);
        }
    }
}
