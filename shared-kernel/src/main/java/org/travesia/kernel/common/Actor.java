package org.travesia.kernel.common;

import java.util.Objects;
import java.util.Set;

/** Who is acting: a user, the organisation they act for, and their roles. */
public record Actor(String user, String organisation, Set<Role> roles) {

    public Actor {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(organisation, "organisation");
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role) || (role == Role.MONITOR && roles.contains(Role.ANALYST));
    }
}
