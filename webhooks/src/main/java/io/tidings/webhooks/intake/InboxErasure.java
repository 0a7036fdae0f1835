package io.tidings.webhooks.intake;

import io.tidings.customer.ExternalRefs;
import io.tidings.event.Event;
import io.tidings.persistence.DatabaseTime;
import io.tidings.privacy.ErasureStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Erases the inbox's payloads about an erased customer, keeping each entry's source and event id
 * so a redelivery is still recognised as a duplicate and not stored again. An entry is about the
 * customer when the worker attributed it to them, or, not yet attributed, when it names one of
 * their CRM identities: a pending entry only if its normaliser says the event is theirs (the
 * entry is then ignored, never processed), a settled one already when its payload holds the id.
 */
@ApplicationScoped
public class InboxErasure implements ErasureStep {

    static final String ERASED = "the customer was erased";

    private final Map<DeliverySource, EventNormaliser> normalisers = new EnumMap<>(DeliverySource.class);
    private final Clock clock;

    @Inject
    public InboxErasure(@Any Instance<EventNormaliser> normalisers, Clock clock) {
        this(normalisers.stream().toList(), clock);
    }

    public InboxErasure(List<EventNormaliser> normalisers, Clock clock) {
        normalisers.forEach(normaliser -> this.normalisers.put(normaliser.source(), normaliser));
        this.clock = clock;
    }

    @Override
    public void erase(Handle transaction, UUID customerId, ExternalRefs refs) {
        List<UUID> about = new ArrayList<>(transaction.createQuery("select id from inbox where customer_id = :customer "
                        + "and erased_at is null")
                .bind("customer", customerId).mapTo(UUID.class).list());
        for (String ref : identities(refs)) {
            transaction.createQuery("select id, source, source_event_id, event_type, subject, occurred_at, payload, status "
                            + "from inbox where customer_id is null and erased_at is null and payload like :ref escape '\\'")
                    .bind("ref", "%" + likeEscaped(ref) + "%")
                    .map((rs, ctx) -> candidate(rs))
                    .forEach(candidate -> {
                        if (!candidate.pending() || isAbout(candidate.delivery(), refs)) {
                            about.add(candidate.id());
                        }
                    });
        }
        if (!about.isEmpty()) {
            transaction.createUpdate("update inbox set payload = '', subject = '', customer_id = :customer, "
                            + "erased_at = :now, claimed_until = null, "
                            + "outcome = case when status = 'PENDING' then :erased else outcome end, "
                            + "status = case when status = 'PENDING' then 'IGNORED' else status end where id in (<ids>)")
                    .bind("customer", customerId)
                    .bind("now", DatabaseTime.now(clock).atOffset(ZoneOffset.UTC))
                    .bind("erased", ERASED)
                    .bindList("ids", about.stream().distinct().toList())
                    .execute();
        }
    }

    private boolean isAbout(InboundDelivery delivery, ExternalRefs refs) {
        EventNormaliser normaliser = normalisers.get(delivery.source());
        if (normaliser == null) {
            return false;
        }
        try {
            Optional<Event> event = normaliser.normalise(delivery);
            return event.isPresent() && names(event.get().customer(), refs);
        } catch (MalformedDeliveryException e) {
            return false;
        }
    }

    private static boolean names(ExternalRefs event, ExternalRefs customer) {
        return same(event.zendeskUserId(), customer.zendeskUserId())
                || same(event.salesforceContactId(), customer.salesforceContactId())
                || same(event.salesforceIndividualId(), customer.salesforceIndividualId());
    }

    private static boolean same(String a, String b) {
        return a != null && a.equals(b);
    }

    private static List<String> identities(ExternalRefs refs) {
        return Stream.of(refs.zendeskUserId(), refs.salesforceContactId(), refs.salesforceIndividualId())
                .filter(Objects::nonNull).toList();
    }

    private static String likeEscaped(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Candidate candidate(ResultSet rs) throws SQLException {
        return new Candidate(rs.getObject("id", UUID.class), "PENDING".equals(rs.getString("status")),
                new InboundDelivery(DeliverySource.fromWireName(rs.getString("source")), rs.getString("source_event_id"),
                        rs.getString("event_type"), rs.getString("subject"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("payload")));
    }

    private record Candidate(UUID id, boolean pending, InboundDelivery delivery) {
    }
}
