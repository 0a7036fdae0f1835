package io.tidings.dispatch;

import io.tidings.customer.Customer;
import io.tidings.customer.CustomerStore;
import io.tidings.decision.ChannelDecisions;
import io.tidings.decision.Decision;
import io.tidings.decision.Outcome;
import io.tidings.notification.CustomerDecisions;
import io.tidings.notification.LoggedStep;
import io.tidings.notification.MessageRequest;
import io.tidings.notification.NotificationLogEntry;
import io.tidings.persistence.DatabaseTime;
import io.tidings.preference.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Decides outbox sends again with the customer's preferences, consent and clock as they are now:
 * a send that comes due after waiting (deferred, retried, held back), before it goes out; and a
 * message whose send failed for good, on the next channel that may carry it. Each new decision is
 * written to the notification log, its trail led by why it was taken again, in the transaction
 * that acts on it.
 *
 * <p>Fallback never loops: a message gets at most one send per channel, so every fallback moves to
 * a channel it has not been on, and a message with a send on another channel that is still under
 * way, or sent and not reported failed, does not fall back at all. It runs when the provider refuses
 * the send for good, and when it reports later that a send it took failed for good.
 */
@ApplicationScoped
public class Redecisions {

    static final String DECIDED_AGAIN = "decided-again";
    static final String DELIVERY_FALLBACK = "delivery-fallback";

    private final CustomerDecisions decisions;
    private final CustomerStore customers;
    private final Outbox outbox;
    private final ChannelProviders providers;
    private final Clock clock;

    @Inject
    public Redecisions(CustomerDecisions decisions, CustomerStore customers, Outbox outbox, ChannelProviders providers,
                       Clock clock) {
        this.decisions = decisions;
        this.customers = customers;
        this.outbox = outbox;
        this.providers = providers;
        this.clock = clock;
    }

    /**
     * Decides the claimed send again and answers true when it is to go out now. Otherwise it is put
     * back until its new time (DEFER) or suppressed for good; a must-send message the engine moves to
     * another channel gets a send there.
     *
     * @param why what made the send stale, for the trail
     */
    public boolean stillSend(ClaimedSend send, String why) {
        OutboxEntry entry = send.entry();
        MessageRequest request = request(entry, EnumSet.of(entry.channel()));
        ChannelDecisions decided = decisions.explainAgain(entry.messageId(), request).decisions();
        Decision own = decided.get(entry.channel());
        LoggedStep leading = new LoggedStep(DECIDED_AGAIN, "PASS", "decided again at " + request.at() + ": " + why);
        return customers.inTransaction(handle -> {
            boolean held = switch (own.outcome()) {
                case SEND -> true;
                case DEFER -> outbox.deferAgain(handle, send, own.deferUntil());
                default -> outbox.markSuppressed(handle, send, own.reason());
            };
            if (!held) {
                return false; // the lease was lost: the send is another dispatcher's now, and so is its decision
            }
            List<NotificationLogEntry> logged = decisions.record(handle, entry.messageId(), request,
                    decided.decisions(), List.of(leading));
            List<NotificationLogEntry> elsewhere = logged.stream().filter(e -> e.channel() != entry.channel()).toList();
            if (!elsewhere.isEmpty()) {
                queueOnNewChannels(handle, entry, elsewhere, outbox.lockMessage(handle, entry.messageId()));
            }
            return own.outcome() == Outcome.SEND;
        });
    }

    /**
     * Records that the send failed for good and, unless the message still reaches the customer on
     * another channel, queues it on the first channel, in channel order, that it has not been on, the
     * customer can be reached on, and the decision engine allows now (else the one it allows
     * soonest). False when the lease was lost and nothing was written.
     */
    public boolean fallBack(ClaimedSend send, String providerId, String failure) {
        OutboxEntry entry = send.entry();
        return customers.inTransaction(handle -> {
            Map<Channel, ChannelSend> sends = outbox.lockMessage(handle, entry.messageId());
            if (!outbox.markUndeliverable(handle, send, providerId, failure)) {
                return false;
            }
            moveToNextChannel(handle, entry, sends, failure);
            return true;
        });
    }

    /**
     * In the caller's transaction: the provider took the send but reported later that it failed for
     * good (an unreachable number, a hard bounce). The message falls back as in
     * {@link #fallBack(ClaimedSend, String, String)}; the send itself stays recorded as sent.
     */
    public void fallBackAfterSending(Handle handle, UUID sendId, String failure) {
        OutboxEntry entry = outbox.find(handle, sendId).orElseThrow().entry();
        moveToNextChannel(handle, entry, outbox.lockMessage(handle, entry.messageId()), failure);
    }

    /** Moves the message on from the failed channel unless another of its sends may still reach the customer. */
    private void moveToNextChannel(Handle handle, OutboxEntry entry, Map<Channel, ChannelSend> sends, String failure) {
        boolean reachedElsewhere = sends.entrySet().stream()
                .anyMatch(other -> other.getKey() != entry.channel() && other.getValue().mayReachCustomer());
        List<Channel> candidates = reachedElsewhere ? List.of() : candidates(entry, sends.keySet());
        if (candidates.isEmpty()) {
            return;
        }
        List<Decision> considered = new ArrayList<>();
        Decision chosen = null;
        for (Channel channel : candidates) {
            Decision decision = decisions.explainAgain(entry.messageId(), request(entry, EnumSet.of(channel)))
                    .decisions().get(channel);
            considered.add(decision);
            if (decision.outcome() == Outcome.SEND) {
                chosen = decision;
                break;
            }
            if (decision.outcome() == Outcome.DEFER
                    && (chosen == null || decision.deferUntil().isBefore(chosen.deferUntil()))) {
                chosen = decision;
            }
        }
        String from = entry.channel() + " failed for good (" + failure + ")";
        LoggedStep leading = chosen == null
                ? new LoggedStep(DELIVERY_FALLBACK, "BLOCK", from + "; no other channel may carry it")
                : new LoggedStep(DELIVERY_FALLBACK, "REDIRECT", from + " → " + chosen.channel());
        List<NotificationLogEntry> logged = decisions.record(handle, entry.messageId(),
                request(entry, EnumSet.copyOf(candidates)), chosen == null ? considered : List.of(chosen),
                List.of(leading));
        queueOnNewChannels(handle, entry, logged, sends);
    }

    /** Queues the logged SEND and DEFER decisions on channels the message has no send on yet. */
    private void queueOnNewChannels(Handle handle, OutboxEntry failed, List<NotificationLogEntry> logged,
                                    Map<Channel, ChannelSend> existing) {
        for (NotificationLogEntry decided : logged) {
            if (!existing.containsKey(decided.channel())) {
                DecidedSends.queued(decided, failed.values(), failed.idempotencyKey() + ">"
                        + decided.channel().name().toLowerCase(Locale.ROOT)).ifPresent(next -> outbox.enqueue(handle, next));
            }
        }
    }

    /** Channels, in channel order, the message has not been on and that have a provider and an address. */
    private List<Channel> candidates(OutboxEntry entry, Set<Channel> tried) {
        Customer customer = customers.find(entry.customerId()).orElse(null);
        if (customer == null) {
            return List.of();
        }
        return Channel.ALL.stream()
                .filter(channel -> !tried.contains(channel))
                .filter(channel -> providers.forChannel(channel).isPresent())
                .filter(channel -> MessageComposer.reaches(customer, channel))
                .toList();
    }

    private MessageRequest request(OutboxEntry entry, Set<Channel> channels) {
        Instant now = DatabaseTime.now(clock);
        return new MessageRequest(entry.customerId(), entry.kind(), entry.category(), channels, entry.collapseKey(), now);
    }
}
