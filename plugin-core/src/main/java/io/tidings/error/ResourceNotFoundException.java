package io.tidings.error;

/** The client named something Tidings does not hold. */
public final class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String detail) {
        super(detail);
    }
}
