package io.tidings.http;

import java.io.IOException;

/**
 * A request body went past the size limit. An {@link IOException} so that JSON parsers pass it
 * through unwrapped while they read the body.
 */
public final class BodyTooLargeException extends IOException {

    public BodyTooLargeException(long limitBytes) {
        super("The request body is larger than " + limitBytes + " bytes.");
    }
}
