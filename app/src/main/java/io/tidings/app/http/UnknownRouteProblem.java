package io.tidings.app.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.NotFoundException;
import io.helidon.http.Status;
import io.helidon.microprofile.server.ServerCdiExtension;
import io.tidings.http.ProblemType;
import io.tidings.http.Problems;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.interceptor.Interceptor;

/**
 * Answers requests that no route takes (neither the API nor health, metrics or OpenAPI) with a
 * problem+json 404 instead of Helidon's plain-text one.
 */
@ApplicationScoped
class UnknownRouteProblem {

    private static final byte[] BODY = Problems.json(ProblemType.NOT_FOUND, "There is nothing at this address.");

    void register(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class) Object started,
                  BeanManager beans) {
        beans.getExtension(ServerCdiExtension.class).serverRoutingBuilder()
                .error(NotFoundException.class, (request, response, error) -> {
                    response.status(Status.NOT_FOUND_404);
                    response.header(HeaderNames.CONTENT_TYPE, Problems.MEDIA_TYPE);
                    response.send(BODY);
                });
    }
}
