package io.tidings.webhooks.intake;

/**
 * What Tidings answers a webhook sender once the delivery is committed.
 *
 * @param received events in the delivery
 * @param stored   of those, the ones new to the inbox (the rest were redeliveries)
 */
public record IntakeReceipt(int received, int stored) {
}
