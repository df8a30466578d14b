package org.travesia.platform.security;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A locally defined user, with the organisation it acts for. */
public class TravesiaUser extends User {

    private final String organisation;

    public TravesiaUser(String username, String password, String organisation,
                        Collection<? extends GrantedAuthority> authorities) {
        super(username, password, authorities);
        this.organisation = organisation;
    }

    public String organisation() {
        return organisation;
    }
}
