package io.tidings.webhooks.intake;

import io.tidings.error.ClientMistake;
import io.tidings.http.ProblemType;

import java.util.List;

/** An authentic-looking delivery from a sender Tidings is not configured for: refused, nothing stored. */
public final class UnknownSenderException extends ClientMistake {

    public UnknownSenderException(String detail) {
        super(ProblemType.UNKNOWN_SENDER, detail, List.of());
    }
}
