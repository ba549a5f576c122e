package org.civicbackbone.rest.internal;

import java.security.Principal;
import java.util.Set;
import javax.ws.rs.core.SecurityContext;

/**
 * Who is calling, as the authentication established it (a Basic login or a console session): what the access
 * declarations and the resources read through JAX-RS's {@link SecurityContext}.
 */
record Caller(String user, Set<String> roles, boolean secure, String scheme) implements SecurityContext {

    @Override
    public Principal getUserPrincipal() {
        return () -> user;
    }

    @Override
    public boolean isUserInRole(String role) {
        return roles.contains(role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return scheme;
    }
}
