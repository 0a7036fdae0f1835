package io.tidings.error;

import io.tidings.http.ProblemType;

import java.util.List;

/** The request contradicts what is stored (e.g. an external reference owned by another customer); nothing was written. */
public final class ConflictException extends ClientMistake {

    public ConflictException(String detail, List<FieldViolation> violations) {
        super(ProblemType.CONFLICT, detail, violations);
    }
}
