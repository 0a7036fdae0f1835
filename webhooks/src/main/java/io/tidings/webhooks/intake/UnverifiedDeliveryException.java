package io.tidings.webhooks.intake;

/** A delivery's signature is missing, wrong or stale: the delivery is refused and nothing is stored. */
public final class UnverifiedDeliveryException extends RuntimeException {

    public UnverifiedDeliveryException(String detail) {
        super(detail);
    }
}
