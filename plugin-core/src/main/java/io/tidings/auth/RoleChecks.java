package io.tidings.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ext.Provider;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;

/** Enforces {@code @RolesAllowed} on resources against the caller's API-key role (403 otherwise). */
@Provider
@ApplicationScoped
public class RoleChecks extends RolesAllowedDynamicFeature {
}
