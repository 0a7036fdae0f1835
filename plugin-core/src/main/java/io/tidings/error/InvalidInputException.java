package io.tidings.error;

import io.tidings.http.ProblemType;

import java.util.List;

/** The client's input is readable but some of its fields are not acceptable; nothing was written. */
public final class InvalidInputException extends ClientMistake {

    public InvalidInputException(List<FieldViolation> violations) {
        super(ProblemType.INVALID_FIELDS, "Correct the fields listed in errors and send the request again.",
                requireSome(violations));
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldViolation(field, message)));
    }

    private static List<FieldViolation> requireSome(List<FieldViolation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid input names at least one violation");
        }
        return violations;
    }
}
