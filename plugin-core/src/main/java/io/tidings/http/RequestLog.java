package io.tidings.http;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.uri.UriTemplate;

import java.security.Principal;
import java.util.List;

/**
 * One log line per API request: method, route template (never the raw path or query, which may
 * carry emails or phone numbers), status, duration and the API key's name. Requests no resource
 * takes are not logged here: they go on to Helidon's own routes (health, metrics, OpenAPI).
 */
@Provider
@PreMatching
@Priority(1)
@ApplicationScoped
public class RequestLog implements ContainerRequestFilter, ContainerResponseFilter {

    private static final System.Logger LOG = System.getLogger("io.tidings.requests");
    private static final String STARTED = RequestLog.class.getName() + ".started";

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!LOG.isLoggable(System.Logger.Level.INFO) || !(request.getProperty(STARTED) instanceof Long started)) {
            return;
        }
        String route = route(request);
        if (route == null) {
            return;
        }
        Principal caller = request.getSecurityContext() == null ? null : request.getSecurityContext().getUserPrincipal();
        log(System.Logger.Level.INFO, request.getMethod(), route, response.getStatus(), started,
                caller == null ? "-" : caller.getName());
    }

    /**
     * Logs one answered request at the level given, also for routes served outside JAX-RS;
     * {@code startedNanos} is from {@link System#nanoTime()}.
     */
    public static void log(System.Logger.Level level, String method, String route, int status, long startedNanos,
                           String caller) {
        if (!LOG.isLoggable(level)) {
            return;
        }
        long micros = (System.nanoTime() - startedNanos) / 1_000;
        LOG.log(level, "{0} {1} {2} {3}ms caller={4}",
                method, route, status, String.format("%.1f", micros / 1000.0), caller);
    }

    /** The matched route template, or null when no resource took the request. */
    private static String route(ContainerRequestContext request) {
        if (!(request instanceof ContainerRequest jersey)) {
            return null;
        }
        List<UriTemplate> templates = jersey.getUriInfo().getMatchedTemplates();
        if (templates.isEmpty()) {
            return null;
        }
        StringBuilder route = new StringBuilder();
        for (int i = templates.size() - 1; i >= 0; i--) {
            String template = templates.get(i).getTemplate();
            if (!template.equals("/")) {
                route.append(template.startsWith("/") ? template : "/" + template);
            }
        }
        return route.isEmpty() ? "/" : route.toString();
    }
}
