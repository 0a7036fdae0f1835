package io.tidings.dispatch;

import java.util.Objects;

/**
 * A claimed send its provider accepted, waiting to be recorded as SENT together with others.
 *
 * @param claim             the send
 * @param providerId        the provider that took it
 * @param providerMessageId the provider's id for it
 * @param possibleDuplicate true when an unfinished earlier attempt may have reached the customer too
 */
public record AcceptedSend(ClaimedSend claim, String providerId, String providerMessageId, boolean possibleDuplicate) {

    public AcceptedSend {
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(providerMessageId, "providerMessageId");
    }
}
