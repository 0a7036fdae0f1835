package io.tidings.http;

import io.tidings.error.ConflictException;
import io.tidings.error.InvalidInputException;
import io.tidings.error.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Maps the domain's client-mistake exceptions to problem responses. */
final class ProblemMappers {

    private ProblemMappers() {
    }

    @Provider
    @ApplicationScoped
    static class InvalidInput implements ExceptionMapper<InvalidInputException> {
        @Override
        public Response toResponse(InvalidInputException e) {
            return Problems.response(ProblemType.INVALID_FIELDS,
                    "Correct the fields listed in errors and send the request again.", e.violations());
        }
    }

    @Provider
    @ApplicationScoped
    static class NotFound implements ExceptionMapper<ResourceNotFoundException> {
        @Override
        public Response toResponse(ResourceNotFoundException e) {
            return Problems.response(ProblemType.NOT_FOUND, e.getMessage());
        }
    }

    @Provider
    @ApplicationScoped
    static class Conflict implements ExceptionMapper<ConflictException> {
        @Override
        public Response toResponse(ConflictException e) {
            return Problems.response(ProblemType.CONFLICT, e.getMessage(), e.violations());
        }
    }

    @Provider
    @ApplicationScoped
    static class BodyTooLarge implements ExceptionMapper<BodyTooLargeException> {
        @Override
        public Response toResponse(BodyTooLargeException e) {
            return Problems.response(ProblemType.PAYLOAD_TOO_LARGE, e.getMessage());
        }
    }
}
