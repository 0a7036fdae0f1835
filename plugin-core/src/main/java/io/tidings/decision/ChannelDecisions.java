package io.tidings.decision;

import io.tidings.preference.Channel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The decision for every channel the engine considered: the requested ones, plus any channel a
 * legal notice was rerouted to or a preference-update link is offered on.
 */
public final class ChannelDecisions {

    private final Decision[] byChannel;

    ChannelDecisions(Decision[] byChannel) {
        this.byChannel = byChannel.clone();
    }

    /** The decision for the channel, or null when the engine did not consider it. */
    public Decision get(Channel channel) {
        return byChannel[channel.ordinal()];
    }

    /** Every decision, in channel order. */
    public List<Decision> decisions() {
        List<Decision> all = new ArrayList<>(Channel.COUNT);
        for (Decision decision : byChannel) {
            if (decision != null) {
                all.add(decision);
            }
        }
        return List.copyOf(all);
    }

    /** The channels whose decision has the outcome, in channel order. */
    public List<Channel> channelsWith(Outcome outcome) {
        List<Channel> channels = new ArrayList<>(Channel.COUNT);
        for (Decision decision : byChannel) {
            if (decision != null && decision.outcome() == outcome) {
                channels.add(decision.channel());
            }
        }
        return List.copyOf(channels);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChannelDecisions that && Arrays.equals(byChannel, that.byChannel);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(byChannel);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Decision decision : byChannel) {
            if (decision != null) {
                text.append(decision.channel()).append(": ").append(decision.outcome())
                        .append(decision.deferUntil() == null ? "" : " until " + decision.deferUntil()).append('\n');
                for (TrailStep step : decision.trail().steps()) {
                    text.append("  ").append(step.describe()).append('\n');
                }
            }
        }
        return text.toString();
    }
}
