package io.tidings.http;

import io.tidings.error.FieldViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.glassfish.jersey.server.ParamException;

import java.util.List;

/**
 * Maps errors raised by the JAX-RS runtime (unknown route, wrong method or media type, a query
 * parameter of the wrong type) and anything unforeseen to problem responses.
 */
final class RuntimeProblemMappers {

    private RuntimeProblemMappers() {
    }

    @Provider
    @ApplicationScoped
    static class WebApplication implements ExceptionMapper<WebApplicationException> {

        @Override
        public Response toResponse(WebApplicationException e) {
            if (e instanceof ParamException param) {
                return badParameter(param);
            }
            if (e instanceof NotFoundException) {
                // No resource matched: an empty 404 lets Helidon route the request on (to /health,
                // /metrics, /openapi), and its unknown-route handler answers with the problem.
                return Response.status(Response.Status.NOT_FOUND).build();
            }
            Response original = e.getResponse();
            int status = original.getStatus();
            if (status >= 500) {
                return unexpected(e);
            }
            ProblemType type = ProblemType.forStatus(status);
            Response.ResponseBuilder problem = Response.fromResponse(Problems.response(type, detail(e, type)));
            if (e instanceof NotAllowedException) {
                problem.allow(original.getAllowedMethods());
            }
            copyHeader(original, problem, "WWW-Authenticate");
            return problem.build();
        }

        private static Response badParameter(ParamException e) {
            String name = e.getParameterName();
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            String message = "'" + name + "' has a value of the wrong type"
                    + (cause != e && cause.getMessage() != null ? " (" + cause.getMessage() + ")" : "");
            return Problems.response(ProblemType.MALFORMED_REQUEST, "A parameter could not be read.",
                    List.of(new FieldViolation(name, message)));
        }

        private static String detail(WebApplicationException e, ProblemType type) {
            if (e instanceof NotSupportedException) {
                return "Send the body as application/json.";
            }
            return switch (type) {
                case METHOD_NOT_ALLOWED -> "This address does not accept that method.";
                default -> type.title() + ".";
            };
        }

        private static void copyHeader(Response from, Response.ResponseBuilder to, String name) {
            Object value = from.getHeaders().getFirst(name);
            if (value != null) {
                to.header(name, value);
            }
        }
    }

    /** Anything else is a Tidings bug: logged with an id the client can quote, no internals in the answer. */
    @Provider
    @ApplicationScoped
    static class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            return unexpected(e);
        }
    }

    private static Response unexpected(Throwable e) {
        return Problems.response(ProblemType.UNEXPECTED, Problems.reportUnexpected(e));
    }
}
