package io.tidings.decision;

import io.tidings.consent.CurrentConsent;
import io.tidings.preference.Category;
import io.tidings.preference.Channel;
import io.tidings.preference.PreferenceSet;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a decision depends on: the message, the customer's preferences and consent, the
 * incident state, what was sent recently, and the current instant.
 *
 * @param kind        the kind of event the message is about
 * @param category    the message category
 * @param collapseKey what the event is about, for collapsing bursts (e.g. "ticket:4711"); empty for the kind alone
 * @param channels    the channels asked for (all of them to let preferences choose)
 * @param preferences the customer's preferences
 * @param consent     the customer's effective consent at {@code now}
 * @param zone        the customer's time zone
 * @param incident    whether an incident affecting the customer is active
 * @param history     what was recently sent to the customer
 * @param now         the instant of the decision
 * @param unreachable the channels on which the customer's address was reported unable to receive
 */
public record DecisionInput(EventKind kind, Category category, String collapseKey, Set<Channel> channels,
                            PreferenceSet preferences, CurrentConsent consent, ZoneId zone, IncidentState incident,
                            SendHistory history, Instant now, Set<Channel> unreachable) {

    public DecisionInput {
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(category, "category must not be null");
        Objects.requireNonNull(collapseKey, "collapseKey must not be null");
        Objects.requireNonNull(channels, "channels must not be null");
        Objects.requireNonNull(preferences, "preferences must not be null");
        Objects.requireNonNull(consent, "consent must not be null");
        Objects.requireNonNull(zone, "zone must not be null");
        Objects.requireNonNull(incident, "incident must not be null");
        Objects.requireNonNull(history, "history must not be null");
        Objects.requireNonNull(now, "now must not be null");
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("at least one channel must be requested");
        }
        channels = Collections.unmodifiableSet(EnumSet.copyOf(channels));
        Objects.requireNonNull(unreachable, "unreachable must not be null");
        unreachable = unreachable.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(unreachable));
    }

    /** A message for a customer with no address reported unreachable. */
    public DecisionInput(EventKind kind, Category category, String collapseKey, Set<Channel> channels,
                         PreferenceSet preferences, CurrentConsent consent, ZoneId zone, IncidentState incident,
                         SendHistory history, Instant now) {
        this(kind, category, collapseKey, channels, preferences, consent, zone, incident, history, now, Set.of());
    }

    /** Every channel, for messages where preferences alone choose. */
    public static Set<Channel> allChannels() {
        return EnumSet.allOf(Channel.class);
    }
}
