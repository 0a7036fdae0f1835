package io.tidings.http;

import io.tidings.error.ClientMistake;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Maps every refusal of a client's request to its problem response. */
final class ProblemMappers {

    private ProblemMappers() {
    }

    @Provider
    @ApplicationScoped
    static class ClientMistakes implements ExceptionMapper<ClientMistake> {
        @Override
        public Response toResponse(ClientMistake e) {
            return Problems.response(e.type(), e.getMessage(), e.violations());
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
