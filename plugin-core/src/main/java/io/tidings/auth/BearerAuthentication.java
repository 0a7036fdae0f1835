package io.tidings.auth;

import io.tidings.http.ProblemType;
import io.tidings.http.Problems;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

import java.security.Principal;
import java.util.Optional;

/**
 * Requires {@code Authorization: Bearer <api key>} on every {@code /api/} call and makes the
 * key's role available to {@code @RolesAllowed}. Webhooks authenticate by signature instead.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class BearerAuthentication implements ContainerRequestFilter {

    private static final String SCHEME = "Bearer ";

    private final ApiKeys apiKeys;

    @Inject
    public BearerAuthentication(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("api/")) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String presented = header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                ? header.substring(SCHEME.length()).strip() : "";
        if (presented.isEmpty()) {
            request.abortWith(unauthorized("Send an API key as 'Authorization: Bearer <key>'."));
            return;
        }
        Optional<ApiKey> key = apiKeys.authenticate(new ApiKeySecret(presented));
        if (key.isEmpty()) {
            request.abortWith(unauthorized("The API key is unknown or has been revoked."));
            return;
        }
        request.setSecurityContext(new KeySecurityContext(new Caller(key.get()), request.getSecurityContext().isSecure()));
    }

    private static Response unauthorized(String detail) {
        return Response.fromResponse(Problems.response(ProblemType.UNAUTHORIZED, detail))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"tidings\"")
                .build();
    }

    private record KeySecurityContext(Caller caller, boolean secure) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.key().role().wireName().equals(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }
}
