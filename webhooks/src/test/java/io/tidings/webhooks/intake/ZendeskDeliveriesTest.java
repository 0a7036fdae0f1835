package io.tidings.webhooks.intake;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ZendeskDeliveriesTest {

    private static final Instant RECEIVED = Instant.parse("2026-12-06T12:00:00Z");
    /** The shape of Zendesk's event-subscription payloads (developer.zendesk.com, "Webhooks event types"). */
    private static final String STATUS_CHANGED = """
            {"account_id":12514403,"detail":{"id":"35436","requester_id":"20978392","status":"SOLVED","via":{"channel":"web"}},
             "event":{"current":"SOLVED","previous":"OPEN"},"id":"cbe4028c-7239-495d-b020-f22348516046",
             "subject":"zen:ticket:35436","time":"2026-12-06T11:59:58.123Z","type":"zen:event-type:ticket.status_changed",
             "zendesk_event_version":"2022-11-06"}""";

    @Test
    void readsTheEnvelopeOfAnEventSubscriptionDelivery() {
        InboundDelivery delivery = read(STATUS_CHANGED);

        assertThat(delivery.source()).isEqualTo(DeliverySource.ZENDESK);
        assertThat(delivery.sourceEventId()).isEqualTo("cbe4028c-7239-495d-b020-f22348516046");
        assertThat(delivery.eventType()).isEqualTo("zen:event-type:ticket.status_changed");
        assertThat(delivery.subject()).isEqualTo("zen:ticket:35436");
        assertThat(delivery.occurredAt()).isEqualTo(Instant.parse("2026-12-06T11:59:58.123Z"));
        assertThat(delivery.stamped()).isTrue();
        assertThat(delivery.payload()).isEqualTo(STATUS_CHANGED);
    }

    @Test
    void takesOnlyTopLevelFieldsWhateverTheirOrder() {
        // detail.id and event.time come first and must not stand in for the envelope's own.
        InboundDelivery delivery = read("""
                {"detail":{"id":"35436","time":"2020-01-01T00:00:00Z","type":"nested"},"event":[{"id":"x"}],
                 "type":"zen:event-type:ticket.created","time":"2026-12-06T11:00:00Z","id":"evt-1"}""");

        assertThat(delivery.sourceEventId()).isEqualTo("evt-1");
        assertThat(delivery.eventType()).isEqualTo("zen:event-type:ticket.created");
        assertThat(delivery.occurredAt()).isEqualTo(Instant.parse("2026-12-06T11:00:00Z"));
    }

    @Test
    void readsANumericIdAsItsTextAndATriggerWithoutTimeAtItsReceipt() {
        InboundDelivery delivery = read("{\"id\":35436001,\"type\":\"tidings:ticket.solved\",\"subject\":null}");

        assertThat(delivery.sourceEventId()).isEqualTo("35436001");
        assertThat(delivery.subject()).isEmpty();
        assertThat(delivery.occurredAt()).isEqualTo(RECEIVED);
        assertThat(delivery.stamped()).isFalse();
    }

    @Test
    void aFieldGivenTwiceCountsWithItsLastValue() {
        assertThat(read("{\"id\":\"first\",\"type\":\"t\",\"id\":\"last\"}").sourceEventId()).isEqualTo("last");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                                                     | The body must be a JSON object.",
            "[]                                                     | The body must be a JSON object.",
            "{\"id\":                                               | The body is not valid JSON",
            "{\"id\":\"x\",\"type\":\"t\"} {}                       | The body is not valid JSON",
            "{\"id\":\"x\",\"type\":\"t\",\"detail\":{\"a\":tru}}   | The body is not valid JSON",
            "{\"type\":\"t\"}                                       | The body has no 'id'.",
            "{\"id\":\"x\",\"type\":null}                           | The body has no 'type'.",
            "{\"id\":{\"x\":1},\"type\":\"t\"}                      | 'id' must be a string.",
            "{\"id\":1.5,\"type\":\"t\"}                            | 'id' must be a string.",
            "{\"id\":\"  \",\"type\":\"t\"}                         | 'id' must be 1 to 200 characters.",
            "{\"id\":\"x\",\"type\":\"t\",\"time\":\"yesterday\"}   | 'time' must be an ISO-8601 date-time with an offset."})
    void refusesWhatIsNotAZendeskEnvelope(String body, String message) {
        assertThatThrownBy(() -> read(body)).isInstanceOf(MalformedDeliveryException.class).hasMessageStartingWith(message);
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 201})
    void boundsTheLengthOfEachField(int length) {
        String body = "{\"id\":\"" + "i".repeat(length) + "\",\"type\":\"t\"}";

        if (length <= InboundDelivery.MAX_TEXT) {
            assertThat(read(body).sourceEventId()).hasSize(length);
        } else {
            assertThatThrownBy(() -> read(body)).isInstanceOf(MalformedDeliveryException.class);
        }
    }

    private static InboundDelivery read(String body) {
        return ZendeskDeliveries.read(body.getBytes(StandardCharsets.UTF_8), RECEIVED);
    }
}
