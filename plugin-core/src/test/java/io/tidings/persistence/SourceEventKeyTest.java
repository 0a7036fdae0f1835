package io.tidings.persistence;

import org.junit.jupiter.api.Test;

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
}
