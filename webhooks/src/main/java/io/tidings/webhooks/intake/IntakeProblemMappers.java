package io.tidings.webhooks.intake;

import io.tidings.http.ProblemType;
import io.tidings.http.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Maps refused webhook deliveries to problem responses. */
final class IntakeProblemMappers {

    private IntakeProblemMappers() {
    }

    @Provider
    @ApplicationScoped
    static class Unverified implements ExceptionMapper<UnverifiedDeliveryException> {
        @Override
        public Response toResponse(UnverifiedDeliveryException e) {
            return Problems.response(ProblemType.UNVERIFIED_DELIVERY, e.getMessage());
        }
    }

    @Provider
    @ApplicationScoped
    static class Malformed implements ExceptionMapper<MalformedDeliveryException> {
        @Override
        public Response toResponse(MalformedDeliveryException e) {
            return Problems.response(ProblemType.MALFORMED_REQUEST, e.getMessage());
        }
    }

    @Provider
    @ApplicationScoped
    static class UnknownSender implements ExceptionMapper<UnknownSenderException> {
        @Override
        public Response toResponse(UnknownSenderException e) {
            return Problems.response(ProblemType.UNKNOWN_SENDER, e.getMessage());
        }
    }
}
