package io.tidings.dispatch;

import java.time.Duration;
import java.util.Objects;

/** What a channel provider answered to one send. */
public sealed interface SendResult {

    /** The provider took the message; {@code providerMessageId} identifies it there. */
    record Accepted(String providerMessageId) implements SendResult {
        public Accepted {
            Objects.requireNonNull(providerMessageId, "providerMessageId");
        }
    }

    /**
     * The send failed for a reason that may pass (throttling, outage): try again later, and not
     * before {@code retryAfter} (the provider's Retry-After; zero when it named none).
     */
    record RetryableFailure(String reason, Duration retryAfter) implements SendResult {
        public RetryableFailure {
            Objects.requireNonNull(reason, "reason");
            if (retryAfter.isNegative()) {
                throw new IllegalArgumentException("retryAfter must not be negative");
            }
        }

        /** A failure after which the retry schedule alone decides when to try again. */
        public RetryableFailure(String reason) {
            this(reason, Duration.ZERO);
        }
    }

    /** The send can never succeed as it is (invalid number, unknown recipient): do not retry. */
    record PermanentFailure(String reason) implements SendResult {
        public PermanentFailure {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
