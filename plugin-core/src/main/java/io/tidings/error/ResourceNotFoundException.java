package io.tidings.error;

import io.tidings.http.ProblemType;

import java.util.List;

/** The client named something Tidings does not hold. */
public final class ResourceNotFoundException extends ClientMistake {

    public ResourceNotFoundException(String detail) {
        super(ProblemType.NOT_FOUND, detail, List.of());
    }
}
