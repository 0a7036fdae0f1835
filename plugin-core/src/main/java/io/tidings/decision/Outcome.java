package io.tidings.decision;

/** What happens to a message on one channel. */
public enum Outcome {
    /** Send now. */
    SEND,
    /** Send at {@link Decision#deferUntil()}, after deciding again then. */
    DEFER,
    /** Do not send; {@link Decision#reason()} says why. */
    SUPPRESS,
    /** Do not send; open a follow-up task for an agent (one task per message, however many channels escalate). */
    ESCALATE,
    /** Instead of the message, send a link to update preferences on this channel. */
    OFFER_UPDATE
}
