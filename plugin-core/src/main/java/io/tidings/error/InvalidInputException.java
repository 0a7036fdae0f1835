package io.tidings.error;

import java.util.List;

/** The client's input is readable but some of its fields are not acceptable; nothing was written. */
public final class InvalidInputException extends RuntimeException {

    private final List<FieldViolation> violations;

    public InvalidInputException(List<FieldViolation> violations) {
        super(violations.size() + " invalid field(s)");
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid input names at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldViolation(field, message)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
