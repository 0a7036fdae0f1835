package io.tidings.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tidings.api.model.FieldError;
import io.tidings.api.model.Problem;
import io.tidings.error.FieldViolation;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.UUID;

/** Builds {@code application/problem+json} responses: the one way Tidings reports an error. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private static final System.Logger LOG = System.getLogger(Problems.class.getName());

    private Problems() {
    }

    public static Response response(ProblemType type, String detail) {
        return response(type, detail, List.of());
    }

    public static Response response(ProblemType type, String detail, List<FieldViolation> violations) {
        return Response.status(type.status()).type(MEDIA_TYPE).entity(problem(type, detail, violations)).build();
    }

    /** The problem document as bytes, for answers written outside JAX-RS. */
    public static byte[] json(ProblemType type, String detail) {
        return json(type, detail, List.of());
    }

    /** The problem document with its field violations as bytes, for answers written outside JAX-RS. */
    public static byte[] json(ProblemType type, String detail, List<FieldViolation> violations) {
        try {
            return JsonMapping.MAPPER.writeValueAsBytes(problem(type, detail, violations));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem document always serialises", e);
        }
    }

    /**
     * Logs a failure that is a Tidings bug under a new incident id and returns the detail to answer
     * with: the id the client can quote, no internals.
     */
    public static String reportUnexpected(Throwable e) {
        String incident = UUID.randomUUID().toString();
        LOG.log(System.Logger.Level.ERROR, "Unexpected failure " + incident, e);
        return "Quote " + incident + " when you report this.";
    }

    private static Problem problem(ProblemType type, String detail, List<FieldViolation> violations) {
        Problem problem = new Problem()
                .type(type.type().toString())
                .title(type.title())
                .status(type.status())
                .detail(detail);
        if (!violations.isEmpty()) {
            problem.setErrors(violations.stream()
                    .map(violation -> new FieldError().field(violation.field()).message(violation.message()))
                    .toList());
        }
        return problem;
    }
}
