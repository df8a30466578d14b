package org.travesia.platform.security;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.travesia.kernel.common.Role;

/**
 * The roles a bearer token can grant, by exact name: Travesía's four ({@link Role}), the operator and the audit
 * operator. Anything else a token carries (an identity provider's own roles, {@code offline_access}...) grants nothing
 * here.
 */
public final class GrantedRoles {

    /**
     * Reads every organisation's audit trail, and nothing else. For whoever operates a deployment shared by several
     * organisations; only a token can carry it, never a local user.
     */
    public static final String AUDIT_OPERATOR = "AUDIT_OPERATOR";

    /**
     * Runs the installation: the event processors (replay, pause, dead letters), their view and the metrics. These
     * are shared by every organisation and show the store's head position, which counts every organisation's writes,
     * so an organisation's admin does not have it. Reads no report and no audit log. Tokens carry it; in the local
     * default, the local user {@code operator} has it, and nothing else.
     */
    public static final String OPERATOR = "OPERATOR";

    private static final Set<String> FROM_TOKENS = names();

    private GrantedRoles() {
    }

    /**
     * The role a token's role name stands for. Case is folded for ASCII letters only: {@code admin} and {@code Admin}
     * are {@code ADMIN}, but {@code admın} (dotless ı) and {@code analyſt} (long s) are nothing, although Java's
     * full Unicode upper-casing would turn them into {@code ADMIN} and {@code ANALYST}.
     */
    static Optional<String> fromToken(String name) {
        String folded = asciiUpperCase(name);
        return FROM_TOKENS.contains(folded) ? Optional.of(folded) : Optional.empty();
    }

    private static String asciiUpperCase(String name) {
        StringBuilder folded = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            folded.append(c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c);
        }
        return folded.toString();
    }

    private static Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        for (Role role : Role.values()) {
            names.add(role.name());
        }
        names.add(OPERATOR);
        names.add(AUDIT_OPERATOR);
        return Set.copyOf(names);
    }
}
