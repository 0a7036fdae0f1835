package io.tidings.preference;

/** What a category does when none of the customer's channels may carry a message. */
public enum NoChannelFallback {
    /** Wait for the next window in which a channel is allowed; nothing extra when there is none. */
    DEFER,
    /** Open a follow-up task for an agent. */
    ESCALATE,
    /** Send a preference-update link on a channel that is allowed for service messages. */
    OFFER_UPDATE
}
