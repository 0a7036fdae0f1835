package io.tidings.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tidings.api.model.FieldError;
import io.tidings.api.model.Problem;
import io.tidings.error.FieldViolation;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** Builds {@code application/problem+json} responses: the one way Tidings reports an error. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

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
        try {
            return JsonMapping.MAPPER.writeValueAsBytes(problem(type, detail, List.of()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem document always serialises", e);
        }
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
