package org.travesia.eventstore.offender;

import org.springframework.security.core.context.SecurityContextHolder;

/** Offender: event store code that looks at who is logged in. */
public class EngineThatAsksWhoIsLoggedIn {

    String appendingUser() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }
}
