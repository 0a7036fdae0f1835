package io.tidings.error;

import java.util.List;

/** The request contradicts what is stored (e.g. an external reference owned by another customer); nothing was written. */
public final class ConflictException extends RuntimeException {

    private final List<FieldViolation> violations;

    public ConflictException(String detail, List<FieldViolation> violations) {
        super(detail);
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
