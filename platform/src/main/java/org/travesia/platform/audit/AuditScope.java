package org.travesia.platform.audit;

import org.bson.conversions.Bson;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.NotPermittedException;
import org.travesia.platform.security.GrantedRoles;

import com.mongodb.client.model.Filters;

/**
 * Which audit entries a caller may read. An organisation's admin reads its own organisation's trail only: another's
 * holds that organisation's user names, what they searched for and the ids of its private reports. Every
 * organisation's trail takes the audit operator role ({@link GrantedRoles#AUDIT_OPERATOR}).
 */
public final class AuditScope {

    private AuditScope() {
    }

    /**
     * The filter for the entries {@code actor} may read, narrowed to {@code organisation} when one is asked for. An
     * admin asking for another organisation is refused outright rather than answered with an empty page, so that the
     * policy is visible to whoever runs into it.
     */
    public static Bson of(Actor actor, String organisation) {
        if (isOperator()) {
            return organisation == null ? Filters.exists("_id") : Filters.eq("organisation", organisation);
        }
        if (organisation != null && !organisation.equals(actor.organisation())) {
            throw new NotPermittedException("audit.other-organisation");
        }
        return Filters.eq("organisation", actor.organisation());
    }

    private static boolean isOperator() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> ("ROLE_" + GrantedRoles.AUDIT_OPERATOR).equals(authority.getAuthority()));
    }
}
