package io.tidings.auth;

import java.util.Locale;

/** What an API key may do: admins everything, integrators customer data, agents read what they serve. */
public enum Role {
    ADMIN, AGENT, INTEGRATOR;

    /** The role's name in the API, in configuration and in {@code @RolesAllowed}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
