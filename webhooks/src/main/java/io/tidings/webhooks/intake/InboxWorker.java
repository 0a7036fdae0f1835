package io.tidings.webhooks.intake;

import io.tidings.customer.ExternalRefs;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Works the inbox: takes the entries this replica's intake {@linkplain InboxHandoff handed over}
 * and claims pending ones from the database, normalises each into an {@link Event}, skips events
 * older than one already applied, resolves the customers, decides the message and queues its
 * sends. A batch's outcomes are recorded in one transaction.
 * <p>
 * The database is asked when the handoff has nothing, when its last claim came back full (a
 * backlog is waiting there) and at least every {@link #CLAIM_EVERY} however busy the handoff
 * keeps the worker: entries other replicas left, whose lease ran out, or stored while the handoff
 * was full are not starved.
 * <p>
 * Processing is at least once: a worker that dies after claiming an entry leaves it pending, and
 * once its lease runs out another worker claims it and decides it again. The decision and its
 * sends commit together, keyed by the entry, so the second decision queues no send the first one
 * already queued; its notification-log entry may be recorded twice. Events about a customer are
 * ordered per subject and kind by their own time, so a redecided entry never overtakes a newer one.
 */
@ApplicationScoped
public class InboxWorker {

    static final int BATCH = 100;
    static final Duration CLAIM_EVERY = Duration.ofSeconds(1);
    static final int MAX_ATTEMPTS = 5;

    private static final System.Logger LOG = System.getLogger(InboxWorker.class.getName());

    private final Inbox inbox;
    private final InboxHandoff handoff;
    private final Map<DeliverySource, EventNormaliser> normalisers = new EnumMap<>(DeliverySource.class);
    private final CustomerStore customers;
    private final DecidedSends sends;
    private final Clock clock;
    private Instant lastClaim = Instant.MIN;
    private boolean lastClaimWasFull;

    @Inject
    public InboxWorker(Inbox inbox, InboxHandoff handoff, @Any Instance<EventNormaliser> normalisers,
                       CustomerStore customers, DecidedSends sends, Clock clock) {
        this(inbox, handoff, normalisers.stream().toList(), customers, sends, clock);
    }

    public InboxWorker(Inbox inbox, InboxHandoff handoff, List<EventNormaliser> normalisers, CustomerStore customers,
                       DecidedSends sends, Clock clock) {
        this.inbox = inbox;
        this.handoff = handoff;
        for (EventNormaliser normaliser : normalisers) {
            if (this.normalisers.put(normaliser.source(), normaliser) != null) {
                throw new IllegalStateException("two event normalisers for " + normaliser.source());
            }
        }
        this.customers = customers;
        this.sends = sends;
        this.clock = clock;
    }

    /** The sources this worker has normalisers for, whose deliveries it works. */
    public Set<DeliverySource> sources() {
        return Collections.unmodifiableSet(normalisers.keySet());
    }

    /**
     * Works one batch: up to {@link #BATCH} handed-over entries and, when the database is due to be
     * asked, up to {@link #BATCH} claimed ones. Returns how many it worked; fewer than a batch
     * means there is nothing more to do for now.
     */
    public synchronized int processPending() {
        List<InboxEntry> batch = new ArrayList<>(handoff.take(BATCH));
        Instant now = clock.instant();
        if (batch.isEmpty() || lastClaimWasFull || !now.isBefore(lastClaim.plus(CLAIM_EVERY))) {
            List<InboxEntry> claimed = inbox.claim(normalisers.keySet(), BATCH, handoff.lease());
            lastClaim = now;
            lastClaimWasFull = claimed.size() == BATCH;
            batch.addAll(claimed);
        }
        inbox.record(process(batch));
        return batch.size();
    }

    /** Security changes are told as security notices (which quiet hours do not hold back); the rest as transactional. */
    static Category category(EventKind kind) {
        return kind == EventKind.SECURITY_CHANGE ? Category.SECURITY : Category.TRANSACTIONAL;
    }

    /** An entry whose delivery was normalised into an event Tidings acts on. */
    private record Normalised(InboxEntry entry, Event event) {
    }

    /**
     * Normalises each entry, resolves the customers of all their events in one lookup, then
     * decides each event about a known customer; returns an outcome per entry.
     */
    private List<InboxOutcome> process(List<InboxEntry> claimed) {
        List<InboxOutcome> outcomes = new ArrayList<>(claimed.size());
        List<Normalised> events = new ArrayList<>(claimed.size());
        for (InboxEntry entry : claimed) {
            try {
                normalisers.get(entry.delivery().source()).normalise(entry.delivery()).ifPresentOrElse(
                        event -> events.add(new Normalised(entry, event)),
                        () -> outcomes.add(InboxOutcome.settled(entry, InboxStatus.IGNORED,
                                "Tidings does not act on " + entry.delivery().eventType())));
            } catch (RuntimeException e) {
                outcomes.add(failed(entry, e));
            }
        }
        Map<ExternalRefs, UUID> customerIds;
        try {
            customerIds = customers.idsHolding(events.stream().map(normalised -> normalised.event().customer()).toList());
        } catch (RuntimeException e) {
            events.forEach(normalised -> outcomes.add(failed(normalised.entry(), e)));
            return outcomes;
        }
        for (Normalised normalised : events) {
            UUID customer = customerIds.get(normalised.event().customer());
            outcomes.add(customer == null
                    ? InboxOutcome.settled(normalised.entry(), InboxStatus.IGNORED, "no customer has this "
                            + normalised.entry().delivery().source().wireName() + " identity")
                    : decide(normalised.entry(), normalised.event(), customer));
        }
        return outcomes;
    }

    private InboxOutcome decide(InboxEntry entry, Event event, UUID customer) {
        try {
            if (!inbox.applyIfNewest(entry.delivery().source(), event.subject(), event.kind().name(), event.occurredAt())) {
                return InboxOutcome.settled(entry, customer, InboxStatus.STALE, "a newer " + event.kind() + " about "
                        + event.subject() + " was applied already");
            }
            List<NotificationLogEntry> decided = sends.decideAndQueue(new MessageRequest(customer, event.kind(),
                    category(event.kind()), EnumSet.allOf(Channel.class), event.subject(), clock.instant()), event.facts(),
                    "inbox:" + entry.id());
            return InboxOutcome.settled(entry, customer, InboxStatus.PROCESSED, "decided message "
                    + decided.getFirst().messageId());
        } catch (RuntimeException e) {
            return failed(entry, e);
        }
    }

    /** A malformed delivery fails for good; anything else is tried again until it has had its attempts. */
    private static InboxOutcome failed(InboxEntry entry, RuntimeException e) {
        if (e instanceof MalformedDeliveryException) {
            return InboxOutcome.settled(entry, InboxStatus.FAILED, e.getMessage());
        }
        // The payload may hold personal data: log the entry's id and the failure, never the payload.
        LOG.log(System.Logger.Level.WARNING, "Inbox entry " + entry.id() + " failed (attempt " + entry.attempts() + ")", e);
        return entry.attempts() >= MAX_ATTEMPTS
                ? InboxOutcome.settled(entry, InboxStatus.FAILED, e.getClass().getName())
                : InboxOutcome.retryLater(entry, e.getClass().getName());
    }
}
