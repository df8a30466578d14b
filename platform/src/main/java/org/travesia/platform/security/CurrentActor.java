package org.travesia.platform.security;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.Role;

/** Who is calling, whichever way they authenticated (local user or bearer JWT). */
public final class CurrentActor {

    public Actor get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("No authenticated caller");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name.startsWith("ROLE_")) {
                try {
                    roles.add(Role.valueOf(name.substring("ROLE_".length())));
                } catch (IllegalArgumentException notAnIncidentRole) {
                    // The operator, the audit operator and the metrics scraper act on no report.
                }
            }
        }
        if (authentication.getPrincipal() instanceof TravesiaUser user) {
            return new Actor(user.getUsername(), user.organisation(), roles);
        }
        if (authentication instanceof JwtActor jwtActor) {
            return new Actor(jwtActor.getName(), jwtActor.organisation(), roles);
        }
        throw new IllegalStateException("Unsupported authentication " + authentication.getClass().getSimpleName());
    }
}
