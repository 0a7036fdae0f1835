package io.tidings.webhooks.intake;

import io.tidings.customer.Customer;
import io.tidings.customer.CustomerQuery;
import io.tidings.customer.CustomerStore;
import io.tidings.decision.EventKind;
import io.tidings.event.Event;
import io.tidings.dispatch.DecidedSends;
import io.tidings.notification.MessageRequest;
import io.tidings.notification.NotificationLogEntry;
import io.tidings.preference.Category;
import io.tidings.preference.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Works the inbox: claims pending deliveries, normalises each into an {@link Event}, skips events
 * older than one already applied, resolves the customer, decides the message and queues its sends.
 * A batch's outcomes are recorded in one transaction, together with the next claim while the
 * worker keeps draining full batches.
 * Processing is at least once: a worker that dies after claiming an entry leaves it pending, and
 * once its lease runs out another worker claims it and decides it again. The decision and its
 * sends commit together, keyed by the entry, so the second decision queues no send the first one
 * already queued; its notification-log entry may be recorded twice. Events about a customer are
 * ordered per subject and kind by their own time, so a redecided entry never overtakes a newer one.
 */
@ApplicationScoped
public class InboxWorker {

    static final int BATCH = 100;
    static final Duration LEASE = Duration.ofMinutes(1);
    static final int MAX_ATTEMPTS = 5;

    private static final System.Logger LOG = System.getLogger(InboxWorker.class.getName());

    private final Inbox inbox;
    private final Map<DeliverySource, EventNormaliser> normalisers = new EnumMap<>(DeliverySource.class);
    private final CustomerStore customers;
    private final DecidedSends sends;
    private final Clock clock;
    /** Outcomes of the last full batch, recorded with the next claim. */
    private List<InboxOutcome> unrecorded = List.of();

    @Inject
    public InboxWorker(Inbox inbox, @Any Instance<EventNormaliser> normalisers, CustomerStore customers,
                       DecidedSends sends, Clock clock) {
        this(inbox, normalisers.stream().toList(), customers, sends, clock);
    }

    public InboxWorker(Inbox inbox, List<EventNormaliser> normalisers, CustomerStore customers,
                       DecidedSends sends, Clock clock) {
        this.inbox = inbox;
        for (EventNormaliser normaliser : normalisers) {
            if (this.normalisers.put(normaliser.source(), normaliser) != null) {
                throw new IllegalStateException("two event normalisers for " + normaliser.source());
            }
        }
        this.customers = customers;
        this.sends = sends;
        this.clock = clock;
    }

    /**
     * Works one batch of pending deliveries; returns how many it claimed (fewer than a batch: the
     * inbox is drained). The outcomes of a full batch are recorded in the same transaction as the
     * next claim, those of a last, short batch at once.
     */
    public synchronized int processPending() {
        List<InboxEntry> claimed = inbox.recordAndClaim(unrecorded, normalisers.keySet(), BATCH, LEASE);
        unrecorded = List.of();
        List<InboxOutcome> outcomes = new ArrayList<>(claimed.size());
        for (InboxEntry entry : claimed) {
            outcomes.add(process(entry));
        }
        if (claimed.size() == BATCH) {
            unrecorded = outcomes;
        } else {
            inbox.record(outcomes);
        }
        return claimed.size();
    }

    /** Records the outcomes still held from the last full batch, e.g. when the worker stops. */
    public synchronized void recordHeldOutcomes() {
        inbox.record(unrecorded);
        unrecorded = List.of();
    }

    /** Security changes are told as security notices (which quiet hours do not hold back); the rest as transactional. */
    static Category category(EventKind kind) {
        return kind == EventKind.SECURITY_CHANGE ? Category.SECURITY : Category.TRANSACTIONAL;
    }

    private InboxOutcome process(InboxEntry entry) {
        InboundDelivery delivery = entry.delivery();
        try {
            Optional<Event> normalised = normalisers.get(delivery.source()).normalise(delivery);
            if (normalised.isEmpty()) {
                return InboxOutcome.settled(entry, InboxStatus.IGNORED, "Tidings does not act on " + delivery.eventType());
            }
            Event event = normalised.get();
            Optional<Customer> found = customers.page(new CustomerQuery(null, 1, event.customer())).stream().findFirst();
            if (found.isEmpty()) {
                return InboxOutcome.settled(entry, InboxStatus.IGNORED, "no customer has this "
                        + delivery.source().wireName() + " identity");
            }
            UUID customer = found.get().id();
            if (!inbox.applyIfNewest(delivery.source(), event.subject(), event.kind().name(), event.occurredAt())) {
                return InboxOutcome.settled(entry, customer, InboxStatus.STALE, "a newer " + event.kind() + " about "
                        + event.subject() + " was applied already");
            }
            List<NotificationLogEntry> decided = sends.decideAndQueue(new MessageRequest(customer, event.kind(),
                    category(event.kind()), EnumSet.allOf(Channel.class), event.subject(), clock.instant()), event.facts(),
                    "inbox:" + entry.id());
            return InboxOutcome.settled(entry, customer, InboxStatus.PROCESSED, "decided message "
                    + decided.getFirst().messageId());
        } catch (MalformedDeliveryException e) {
            return InboxOutcome.settled(entry, InboxStatus.FAILED, e.getMessage());
        } catch (RuntimeException e) {
            // The payload may hold personal data: log the entry's id and the failure, never the payload.
            LOG.log(System.Logger.Level.WARNING, "Inbox entry " + entry.id() + " failed (attempt " + entry.attempts() + ")", e);
            return entry.attempts() >= MAX_ATTEMPTS
                    ? InboxOutcome.settled(entry, InboxStatus.FAILED, e.getClass().getName())
                    : InboxOutcome.retryLater(entry, e.getClass().getName());
        }
    }
}
