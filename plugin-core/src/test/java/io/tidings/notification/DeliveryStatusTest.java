package io.tidings.notification;

import org.junit.jupiter.api.Test;

import static io.tidings.notification.DeliveryStatus.DELIVERED;
import static io.tidings.notification.DeliveryStatus.FAILED;
import static io.tidings.notification.DeliveryStatus.QUEUED;
import static io.tidings.notification.DeliveryStatus.READ;
import static io.tidings.notification.DeliveryStatus.SENT;
import static io.tidings.notification.DeliveryStatus.UNDELIVERED;
import static org.assertj.core.api.Assertions.assertThat;

class DeliveryStatusTest {

    @Test
    void anyStatusFollowsNothing() {
        for (DeliveryStatus status : DeliveryStatus.values()) {
            assertThat(status.follows(null)).as(status.name()).isTrue();
        }
    }

    @Test
    void statusesFollowOnlyEarlierStages() {
        assertThat(SENT.follows(QUEUED)).isTrue();
        assertThat(DELIVERED.follows(SENT)).isTrue();
        assertThat(UNDELIVERED.follows(QUEUED)).isTrue();
        assertThat(QUEUED.follows(SENT)).isFalse();
        assertThat(SENT.follows(DELIVERED)).isFalse();
        assertThat(SENT.follows(SENT)).isFalse();
    }

    @Test
    void oneOutcomeNeverReplacesAnother() {
        assertThat(FAILED.follows(DELIVERED)).isFalse();
        assertThat(DELIVERED.follows(UNDELIVERED)).isFalse();
        assertThat(UNDELIVERED.follows(FAILED)).isFalse();
    }

    @Test
    void readFollowsDeliveryButNotFailure() {
        assertThat(READ.follows(DELIVERED)).isTrue();
        assertThat(READ.follows(SENT)).isTrue();
        assertThat(READ.follows(UNDELIVERED)).isFalse();
        assertThat(READ.follows(FAILED)).isFalse();
        assertThat(READ.follows(READ)).isFalse();
        assertThat(DELIVERED.follows(READ)).isFalse();
    }
}
