package io.tidings.decision;

import io.tidings.consent.ConsentPurpose;
import io.tidings.consent.ConsentState;
import io.tidings.preference.Category;
import io.tidings.preference.Channel;
import io.tidings.preference.CollapseWindow;
import io.tidings.preference.FrequencyCap;
import io.tidings.preference.NoChannelFallback;
import io.tidings.preference.QuietHours;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * One rule's finding in a decision trail. Steps keep the facts, not text, so deciding stays cheap;
 * {@link #describe()} renders them for people.
 */
public sealed interface TrailStep {

    /** The rule that ran. */
    Rule rule();

    /** What it found. */
    Verdict verdict();

    /** The finding in words, e.g. "quiet-hours: SMS quiet 22:00–07:00 America/New_York, now 23:14 local → defer to 07:00". */
    String describe();

    private static String local(Instant instant, ZoneId zone) {
        return LocalDateTime.ofInstant(instant, zone).toLocalTime().truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private static String deferral(Instant until, ZoneId zone) {
        return " → defer to " + local(until, zone) + " local (" + until + ")";
    }

    /** The customer's address on the channel was reported unable to receive (invalid number, hard bounce). */
    record ContactPointUnreachable(Channel channel) implements TrailStep {
        @Override
        public Rule rule() {
            return Rule.CONTACT_POINT;
        }

        @Override
        public Verdict verdict() {
            return Verdict.BLOCK;
        }

        @Override
        public String describe() {
            return "contact-point: the customer's " + channel + " address was reported unreachable → suppress";
        }
    }

    /** The consent ledger's effective state for the category's purpose on the channel. */
    record ConsentChecked(Channel channel, ConsentPurpose purpose, ConsentState state, boolean grantRequired)
            implements TrailStep {
        @Override
        public Rule rule() {
            return Rule.CONSENT;
        }

        @Override
        public Verdict verdict() {
            if (state == null) {
                return grantRequired ? Verdict.BLOCK : Verdict.PASS;
            }
            return state.status().allows() ? Verdict.PASS : Verdict.BLOCK;
        }

        @Override
        public String describe() {
            String head = "consent: " + purpose.wireName() + " on " + channel + " ";
            if (state == null) {
                return head + (grantRequired ? "never granted, a grant is required → suppress" : "not on record, none required");
            }
            return head + state.status() + " (ledger #" + state.sequence() + ")"
                    + (verdict() == Verdict.BLOCK ? " → suppress" : "");
        }
    }

    /** The customer's on/off preference for the category on the channel, or the category default. */
    record PreferenceChecked(Category category, Channel channel, boolean on, boolean chosen) implements TrailStep {

        /** Every possible finding, made once: the rule runs for every channel of every decision. */
        private static final PreferenceChecked[] ALL = new PreferenceChecked[Category.COUNT * Channel.COUNT * 4];

        static {
            for (Category category : Category.ALL) {
                for (Channel channel : Channel.ALL) {
                    for (int flags = 0; flags < 4; flags++) {
                        ALL[index(category, channel, (flags & 1) != 0, (flags & 2) != 0)] =
                                new PreferenceChecked(category, channel, (flags & 1) != 0, (flags & 2) != 0);
                    }
                }
            }
        }

        static PreferenceChecked of(Category category, Channel channel, boolean on, boolean chosen) {
            return ALL[index(category, channel, on, chosen)];
        }

        private static int index(Category category, Channel channel, boolean on, boolean chosen) {
            return ((category.ordinal() * Channel.COUNT + channel.ordinal()) << 2) | (on ? 1 : 0) | (chosen ? 2 : 0);
        }

        @Override
        public Rule rule() {
            return Rule.PREFERENCE;
        }

        @Override
        public Verdict verdict() {
            return on ? Verdict.PASS : Verdict.BLOCK;
        }

        @Override
        public String describe() {
            return "preference: " + category + " on " + channel + " " + (on ? "on" : "off")
                    + (chosen ? " (customer's choice)" : " (category default)") + (on ? "" : " → suppress");
        }
    }

    /** An active incident, which holds back marketing and surveys while customers are affected. */
    record IncidentChecked(Category category, String incident, boolean heldBack) implements TrailStep {
        @Override
        public Rule rule() {
            return Rule.INCIDENT;
        }

        @Override
        public Verdict verdict() {
            return heldBack ? Verdict.BLOCK : Verdict.PASS;
        }

        @Override
        public String describe() {
            return "incident: '" + incident + "' active → " + (heldBack ? category + " held back → suppress"
                    : category + " unaffected");
        }
    }

    /** The TCPA calling-hours floor for promotional SMS and voice; {@code deferUntil} null when inside allowed hours. */
    record CallingHoursChecked(Channel channel, ZoneId zone, Instant at, Instant deferUntil) implements TrailStep {
        @Override
        public Rule rule() {
            return Rule.TCPA_FLOOR;
        }

        @Override
        public Verdict verdict() {
            return deferUntil == null ? Verdict.PASS : Verdict.DEFER;
        }

        @Override
        public String describe() {
            return "tcpa-floor: promotional " + channel + " only 08:00–21:00 " + zone + ", at " + local(at, zone)
                    + " local" + (deferUntil == null ? " allowed" : deferral(deferUntil, zone));
        }
    }

    /**
     * The channel's quiet hours at an instant: not quiet, quiet until {@code deferUntil}, or quiet but
     * {@code crossed} because the category is critical.
     */
    record QuietHoursChecked(Channel channel, QuietHours hours, ZoneId zone, Instant at, Instant deferUntil,
                             boolean crossed) implements TrailStep {
        @Override
        public Rule rule() {
            return Rule.QUIET_HOURS;
        }

        @Override
        public Verdict verdict() {
            return deferUntil == null ? Verdict.PASS : Verdict.DEFER;
        }

        @Override
        public String describe() {
            String head = "quiet-hours: " + channel + " quiet " + hours + " " + zone + ", at " + local(at, zone) + " local";
            if (crossed) {
                return head + " → crossed, the category is critical";
            }
            return deferUntil == null ? head + " not quiet" : head + deferral(deferUntil, zone);
        }
    }

    /** The time rules kept deferring past each other: no instant in the coming days satisfies them all. */
    record NoSendingWindow(Channel channel, int rounds) implements TrailStep {
        @Override
        public Rule rule() {
            return Rule.QUIET_HOURS;
        }

        @Override
        public Verdict verdict() {
            return Verdict.BLOCK;
        }

        @Override
        public String describe() {
            return "quiet-hours: " + channel + " has no allowed sending time after " + rounds
                    + " deferrals (quiet hours cover the allowed calling hours) → suppress";
        }
    }

    /** Whether an earlier message about the same thing, within the collapse window, absorbs this one. */
    record CollapseChecked(CollapseWindow window, EventKind kind, String collapseKey, SentMessage into)
            implements TrailStep {
        @Override
        public Rule rule() {
            return Rule.COLLAPSE;
        }

        @Override
        public Verdict verdict() {
            return into == null ? Verdict.PASS : Verdict.BLOCK;
        }

        @Override
        public String describe() {
            String about = kind + (collapseKey.isEmpty() ? "" : " about " + collapseKey);
            return into == null
                    ? "collapse: no " + about + " sent within " + window.window()
                    : "collapse: " + about + " collapsed into " + into.reference() + " sent " + into.sentAt()
                    + " (window " + window.window() + ") → suppress";
        }
    }

    /** The category's frequency cap and how many messages already count against it. */
    record CapChecked(FrequencyCap cap, int counted) implements TrailStep {
        @Override
        public Rule rule() {
            return Rule.FREQUENCY_CAP;
        }

        @Override
        public Verdict verdict() {
            return counted < cap.max() ? Verdict.PASS : Verdict.BLOCK;
        }

        @Override
        public String describe() {
            return "frequency-cap: " + counted + " of " + cap.max() + " " + cap.category() + " sent in the last "
                    + cap.period() + (verdict() == Verdict.BLOCK ? " → suppress" : "");
        }
    }

    /** Collapse windows and caps configured for a must-send or critical category are not applied. */
    record VolumeLimitsWaived(Category category) implements TrailStep {
        @Override
        public Rule rule() {
            return Rule.FREQUENCY_CAP;
        }

        @Override
        public Verdict verdict() {
            return Verdict.PASS;
        }

        @Override
        public String describe() {
            return "frequency-cap: collapse window and cap not applied, " + category + " is must-send or critical";
        }
    }

    /** A legal notice moved from a channel that cannot carry it to one that can. */
    record Rerouted(Channel from, Channel to, boolean onTarget) implements TrailStep {
        @Override
        public Rule rule() {
            return Rule.LEGAL_REROUTE;
        }

        @Override
        public Verdict verdict() {
            return onTarget ? Verdict.PASS : Verdict.REDIRECT;
        }

        @Override
        public String describe() {
            return "legal-reroute: legal notice rerouted from " + from + " to " + to;
        }
    }

    /**
     * The category's policy when no requested channel may carry the message; {@code offerChannel} is
     * where a preference-update link goes, or null.
     */
    record FallbackApplied(Category category, NoChannelFallback policy, boolean mustSend, Channel offerChannel)
            implements TrailStep {
        @Override
        public Rule rule() {
            return Rule.NO_CHANNEL_FALLBACK;
        }

        @Override
        public Verdict verdict() {
            return switch (effective()) {
                case ESCALATE -> Verdict.REDIRECT;
                case OFFER_UPDATE -> offerChannel == null ? Verdict.BLOCK : Verdict.REDIRECT;
                case DEFER -> Verdict.BLOCK;
            };
        }

        /** Must-send messages escalate whenever their policy finds no way; they are never dropped. */
        public NoChannelFallback effective() {
            return mustSend ? NoChannelFallback.ESCALATE : policy;
        }

        @Override
        public String describe() {
            String head = "no-channel-fallback: no channel may carry " + category + " (policy " + policy + ")";
            return switch (effective()) {
                case ESCALATE -> head + (mustSend ? ", must-send" : "") + " → escalate to an agent";
                case OFFER_UPDATE -> offerChannel == null
                        ? head + ", no channel allowed for service messages either → suppress"
                        : head + " → offer a preference-update link on " + offerChannel;
                case DEFER -> head + ", no later window → suppress";
            };
        }
    }
}
