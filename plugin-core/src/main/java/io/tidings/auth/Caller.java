package io.tidings.auth;

import jakarta.ws.rs.core.SecurityContext;

import java.security.Principal;

/** Who is calling the API: the key they presented. Named by the key's name and id, never its secret. */
public record Caller(ApiKey key) implements Principal {

    /** The caller of the request the security context belongs to (every API request has one). */
    public static Caller of(SecurityContext context) {
        return (Caller) context.getUserPrincipal();
    }

    /** Whether the key is an agent's, whose writes must name the ticket they were captured on. */
    public boolean isAgent() {
        return key.role() == Role.AGENT;
    }

    @Override
    public String getName() {
        return key.name() + "#" + key.id();
    }
}
