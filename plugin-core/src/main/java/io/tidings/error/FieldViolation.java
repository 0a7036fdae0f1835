package io.tidings.error;

import java.util.Objects;

/**
 * One thing wrong with a client's input.
 *
 * @param field   JSON pointer into the request body (e.g. {@code /phone}) or a query parameter name
 * @param message what is wrong, in words a client developer can act on
 */
public record FieldViolation(String field, String message) {

    public FieldViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** The same violation seen from an enclosing document, e.g. {@code /email} inside {@code /customers/3}. */
    public FieldViolation under(String pointerPrefix) {
        return new FieldViolation(pointerPrefix + field, message);
    }
}
