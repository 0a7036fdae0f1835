package io.tidings.webhooks.intake;

import io.tidings.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InboxHandoffTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T10:00:00Z"));
    private final InboxHandoff handoff = new InboxHandoff(clock, Duration.ofMinutes(1));

    @Test
    void takesNothingUntilAWorkerOpensIt() {
        assertThat(handoff.reserve(deliveries(DeliverySource.ZENDESK, 1))).isFalse();
    }

    @Test
    void reservesRoomForAWholeGroupOrNone() {
        handoff.open(List.of(DeliverySource.ZENDESK), () -> { });

        assertThat(handoff.reserve(deliveries(DeliverySource.ZENDESK, InboxHandoff.CAPACITY - 1))).isTrue();
        assertThat(handoff.reserve(deliveries(DeliverySource.ZENDESK, 2))).as("one place left").isFalse();
        assertThat(handoff.reserve(deliveries(DeliverySource.ZENDESK, 1))).isTrue();
        handoff.cancel(3);
        assertThat(handoff.reserve(deliveries(DeliverySource.ZENDESK, 3))).as("room given back").isTrue();
    }

    @Test
    void reservesOnlyForTheSourcesItsWorkerWorks() {
        handoff.open(List.of(DeliverySource.ZENDESK), () -> { });

        List<InboundDelivery> mixed = List.of(delivery(DeliverySource.ZENDESK, "a"), delivery(DeliverySource.SALESFORCE, "b"));
        assertThat(handoff.reserve(mixed)).isFalse();
    }

    @Test
    void handsOverInOrderTellsTheWorkerAndFreesRoomAsEntriesAreTaken() {
        AtomicInteger told = new AtomicInteger();
        handoff.open(List.of(DeliverySource.ZENDESK), told::incrementAndGet);
        List<InboundDelivery> group = deliveries(DeliverySource.ZENDESK, InboxHandoff.CAPACITY);
        assertThat(handoff.reserve(group)).isTrue();

        List<InboxEntry> stored = entries(group.subList(0, InboxHandoff.CAPACITY - 10));
        handoff.handOver(stored, group.size());

        assertThat(told).hasValue(1);
        assertThat(handoff.reserve(deliveries(DeliverySource.ZENDESK, 11))).as("10 were redeliveries").isFalse();
        assertThat(handoff.take(3)).containsExactlyElementsOf(stored.subList(0, 3));
        assertThat(handoff.reserve(deliveries(DeliverySource.ZENDESK, 13))).isTrue();
    }

    @Test
    void dropsEntriesHeldTooCloseToTheEndOfTheirLease() {
        handoff.open(List.of(DeliverySource.ZENDESK), () -> { });
        List<InboundDelivery> old = deliveries(DeliverySource.ZENDESK, 2);
        handoff.reserve(old);
        handoff.handOver(entries(old), 2);
        clock.advance(handoff.lease().dividedBy(2).plusMillis(1));
        List<InboundDelivery> fresh = List.of(delivery(DeliverySource.ZENDESK, "fresh"));
        handoff.reserve(fresh);
        List<InboxEntry> freshEntries = entries(fresh);
        handoff.handOver(freshEntries, 1);

        assertThat(handoff.take(10)).as("the old ones are left for a claim when their lease ends")
                .containsExactlyElementsOf(freshEntries);
        assertThat(handoff.reserve(deliveries(DeliverySource.ZENDESK, InboxHandoff.CAPACITY))).as("room given back")
                .isTrue();
    }

    @Test
    void closingStopsHandingOverAndGivesBackWhatItHeld() {
        handoff.open(List.of(DeliverySource.ZENDESK), () -> { });
        List<InboundDelivery> group = deliveries(DeliverySource.ZENDESK, 4);
        handoff.reserve(group);
        List<InboxEntry> stored = entries(group);
        handoff.handOver(stored, 4);

        assertThat(handoff.close()).containsExactlyElementsOf(stored);
        assertThat(handoff.reserve(deliveries(DeliverySource.ZENDESK, 1))).isFalse();
        assertThat(handoff.take(10)).isEmpty();
    }

    @Test
    void opensOnce() {
        handoff.open(List.of(DeliverySource.ZENDESK), () -> { });

        assertThatThrownBy(() -> handoff.open(List.of(DeliverySource.ZENDESK), () -> { }))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aLeaseMustBePositive() {
        assertThatThrownBy(() -> new InboxHandoff(clock, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tidings.inbox.lease");
    }

    private static List<InboxEntry> entries(List<InboundDelivery> deliveries) {
        return deliveries.stream().map(delivery -> new InboxEntry(UUID.randomUUID(), delivery, 1)).toList();
    }

    private static List<InboundDelivery> deliveries(DeliverySource source, int count) {
        return IntStream.range(0, count).mapToObj(i -> delivery(source, "evt-" + i)).toList();
    }

    private static InboundDelivery delivery(DeliverySource source, String id) {
        return new InboundDelivery(source, id, "zen:event-type:ticket.status_changed", "zen:ticket:35436",
                Instant.parse("2026-12-05T09:59:00Z"), "{}");
    }
}
