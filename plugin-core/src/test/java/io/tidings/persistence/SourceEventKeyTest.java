package io.tidings.persistence;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SourceEventKeyTest {

    @Test
    void isTheFirstHalfOfTheSha256OfSourceNulAndEventId() {
        // Expected values from Python: hashlib.sha256(b"zendesk\0evt-1").digest()[:16]
        assertThat(SourceEventKey.of("zendesk", "evt-1")).isEqualTo(UUID.fromString("03f7c13e-072e-d797-0503-6e7757c3670d"));
        assertThat(SourceEventKey.of("salesforce", "04l5g000000Ab1cAAC"))
                .isEqualTo(UUID.fromString("7f1cdeb6-32fd-5aae-9e95-cdb36345ac3f"));
    }

    @Test
    void theSameEventIdFromAnotherSourceIsAnotherKey() {
        assertThat(SourceEventKey.of("zendesk", "evt-1")).isNotEqualTo(SourceEventKey.of("salesforce", "evt-1"));
    }

    @Test
    void whereTheSourceEndsAndTheIdBeginsMatters() {
        assertThat(SourceEventKey.of("ab", "c")).isNotEqualTo(SourceEventKey.of("a", "bc"));
    }

    @Test
    void aStampedEventsKeyIsItsMillisecondsThenTheFirst80BitsOfTheSameDigest() {
        // Python: UUID(int = epoch_ms << 80 | int.from_bytes(sha256(b"zendesk\0" + id).digest()[:10]))
        assertThat(SourceEventKey.of("zendesk", "evt-1", Instant.parse("2026-11-22T10:14:00.123456Z")))
                .isEqualTo(UUID.fromString("01a202bf-96bb-03f7-c13e-072ed7970503"));
        assertThat(SourceEventKey.of("zendesk", "cbe4028c-7239-495d-b020-f22348516046",
                Instant.parse("2026-12-06T22:50:01.999Z"))).isEqualTo(UUID.fromString("01a24d8c-c98f-657c-f09b-7576d6457199"));
    }

    @Test
    void stampedKeysSortAsTheirTimesDoWhateverTheIds() {
        Instant first = Instant.parse("2026-12-06T22:50:01.999Z");
        UUID earlier = SourceEventKey.of("zendesk", "ffffffff", first);
        UUID later = SourceEventKey.of("zendesk", "00000000", first.plusMillis(1));

        // Both databases order uuids as unsigned 128-bit numbers, by their text.
        assertThat(earlier.toString()).isLessThan(later.toString());
    }

    @Test
    void theSameEventStampedAnotherTimeIsAnotherKey() {
        Instant at = Instant.parse("2026-12-06T22:50:01.999Z");
        assertThat(SourceEventKey.of("zendesk", "evt-1", at))
                .isNotEqualTo(SourceEventKey.of("zendesk", "evt-1", at.plusMillis(1)))
                .isNotEqualTo(SourceEventKey.of("zendesk", "evt-1"));
    }
}
