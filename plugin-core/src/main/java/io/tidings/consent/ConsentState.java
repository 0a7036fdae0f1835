package io.tidings.consent;

import io.tidings.preference.Channel;

import java.util.Objects;

/**
 * The effective consent for one purpose on one channel at an instant, and the ledger record it
 * comes from.
 *
 * @param purpose  what the consent is for
 * @param channel  the channel
 * @param status   the effective status (EXPIRED once the deciding record's effectiveTo has passed)
 * @param sequence the ledger sequence of the deciding record
 */
public record ConsentState(ConsentPurpose purpose, Channel channel, ConsentStatus status, long sequence) {

    public ConsentState {
        Objects.requireNonNull(purpose, "purpose must not be null");
        Objects.requireNonNull(channel, "channel must not be null");
        Objects.requireNonNull(status, "status must not be null");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be at least 1, was " + sequence);
        }
    }
}
