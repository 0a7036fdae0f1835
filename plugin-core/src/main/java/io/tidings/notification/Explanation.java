package io.tidings.notification;

import io.tidings.decision.ChannelDecisions;

import java.time.ZoneId;

/**
 * What the engine decided for a message, per channel with its trail, and the zone it judged time in.
 *
 * @param request   the message
 * @param zone      the customer's time zone (UTC when the profile has none)
 * @param decisions the decision per channel considered
 */
public record Explanation(MessageRequest request, ZoneId zone, ChannelDecisions decisions) {
}
