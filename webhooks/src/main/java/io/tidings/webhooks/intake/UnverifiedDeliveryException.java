package io.tidings.webhooks.intake;

import io.tidings.error.ClientMistake;
import io.tidings.http.ProblemType;

import java.util.List;

/** A delivery's signature is missing, wrong or stale: the delivery is refused and nothing is stored. */
public final class UnverifiedDeliveryException extends ClientMistake {

    public UnverifiedDeliveryException(String detail) {
        super(ProblemType.UNVERIFIED_DELIVERY, detail, List.of());
    }
}
