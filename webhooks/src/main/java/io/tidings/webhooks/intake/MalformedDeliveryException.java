package io.tidings.webhooks.intake;

/** A verified delivery whose body is not of the shape its source sends: refused, nothing stored. */
public final class MalformedDeliveryException extends RuntimeException {

    public MalformedDeliveryException(String detail) {
        super(detail);
    }

    public MalformedDeliveryException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
