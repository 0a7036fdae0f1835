package io.tidings.decision;

/** What one rule found for a message on a channel. */
public enum Verdict {
    /** The rule lets the message through. */
    PASS,
    /** The rule holds the message until a later instant. */
    DEFER,
    /** The rule stops the message on this channel. */
    BLOCK,
    /** The rule sends the message another way (another channel, an agent, a preference-update link). */
    REDIRECT
}
