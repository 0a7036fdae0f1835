package io.tidings.dispatch;

/** A send that can never be composed or carried out as it stands: no address, no template, too long. */
public class UndeliverableException extends RuntimeException {

    public UndeliverableException(String message) {
        super(message);
    }
}
