package io.tidings.dispatch;

import java.util.Objects;

/** What a channel provider answered to one send. */
public sealed interface SendResult {

    /** The provider took the message; {@code providerMessageId} identifies it there. */
    record Accepted(String providerMessageId) implements SendResult {
        public Accepted {
            Objects.requireNonNull(providerMessageId, "providerMessageId");
        }
    }

    /** The send failed for a reason that may pass (throttling, outage): try again later. */
    record RetryableFailure(String reason) implements SendResult {
        public RetryableFailure {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The send can never succeed as it is (invalid number, unknown recipient): do not retry. */
    record PermanentFailure(String reason) implements SendResult {
        public PermanentFailure {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
