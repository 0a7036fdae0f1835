package io.tidings.webhooks.intake;

/** An authentic-looking delivery from a sender Tidings is not configured for: refused, nothing stored. */
public final class UnknownSenderException extends RuntimeException {

    public UnknownSenderException(String detail) {
        super(detail);
    }
}
