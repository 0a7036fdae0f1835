package io.tidings.error;

import io.tidings.http.ProblemType;

import java.util.List;
import java.util.Objects;

/**
 * Something a caller sent that Tidings refuses, with nothing written. Every such refusal extends
 * this, so one mapper turns all of them into problem+json.
 */
public abstract class ClientMistake extends RuntimeException {

    private final ProblemType type;
    private final List<FieldViolation> violations;

    protected ClientMistake(ProblemType type, String detail, List<FieldViolation> violations, Throwable cause) {
        super(detail, cause);
        this.type = Objects.requireNonNull(type, "type");
        this.violations = List.copyOf(violations);
    }

    protected ClientMistake(ProblemType type, String detail, List<FieldViolation> violations) {
        this(type, detail, violations, null);
    }

    public ProblemType type() {
        return type;
    }

    /** The offending fields, where the mistake is in particular fields; else empty. */
    public List<FieldViolation> violations() {
        return violations;
    }
}
