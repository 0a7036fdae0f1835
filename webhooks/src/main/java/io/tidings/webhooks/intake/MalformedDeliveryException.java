package io.tidings.webhooks.intake;

import io.tidings.error.ClientMistake;
import io.tidings.http.ProblemType;

import java.util.List;

/** A verified delivery whose body is not of the shape its source sends: refused, nothing stored. */
public final class MalformedDeliveryException extends ClientMistake {

    public MalformedDeliveryException(String detail) {
        super(ProblemType.MALFORMED_REQUEST, detail, List.of());
    }

    public MalformedDeliveryException(String detail, Throwable cause) {
        super(ProblemType.MALFORMED_REQUEST, detail, List.of(), cause);
    }
}
