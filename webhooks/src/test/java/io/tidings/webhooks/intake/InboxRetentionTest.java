package io.tidings.webhooks.intake;

import io.tidings.persistence.Database;
import io.tidings.testing.MutableClock;
import io.tidings.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InboxRetentionTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:15:30Z"));

    @Test
    void deletesSettledEntriesOnceTheRetentionHasPassed() {
        try (Database database = TestDatabase.H2.open()) {
            Inbox inbox = new Inbox(database.jdbi(), clock);
            InboxRetention retention = new InboxRetention(inbox, clock, "P7D");
            inbox.store(List.of(new InboundDelivery(DeliverySource.ZENDESK, "evt-1", "zen:event-type:ticket.status_changed",
                    "zen:ticket:1", clock.instant(), "{}")));
            InboxEntry entry = inbox.claim(List.of(DeliverySource.ZENDESK), 1, Duration.ofMinutes(1)).getFirst();
            inbox.record(List.of(InboxOutcome.settled(entry, InboxStatus.PROCESSED, "decided")));

            clock.advance(Duration.ofDays(7).minusSeconds(1));
            assertThat(retention.deleteExpired()).as("a second short of seven days").isZero();
            clock.advance(Duration.ofSeconds(2));
            assertThat(retention.deleteExpired()).isEqualTo(1);
        }
    }

    @Test
    void refusesARetentionShorterThanTheSendersRedeliverFor() {
        assertThatThrownBy(() -> new InboxRetention(null, clock, "PT12H"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tidings.inbox.retention must be at least P1D");
        assertThatThrownBy(() -> new InboxRetention(null, clock, "a week"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tidings.inbox.retention must be an ISO-8601 duration such as P7D, not a week");
    }
}
