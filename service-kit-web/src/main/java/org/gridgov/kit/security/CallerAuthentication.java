package org.gridgov.kit.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** An authenticated request whose principal is the {@link Caller}; authorities are {@code ROLE_<role>}. */
public class CallerAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;
    private final Jwt token;

    CallerAuthentication(Caller caller, Jwt token) {
        super(caller.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList());
        this.caller = caller;
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public Jwt getCredentials() {
        return token;
    }

    @Override
    public String getName() {
        return caller.subject();
    }
}
