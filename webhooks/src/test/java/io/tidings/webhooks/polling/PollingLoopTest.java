package io.tidings.webhooks.polling;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class PollingLoopTest {

    @Test
    void wakingRunsTheWorkBeforeTheNextTick() throws Exception {
        Semaphore ran = new Semaphore(0);
        try (PollingLoop loop = PollingLoop.start("test-loop", Duration.ofHours(1), () -> {
            ran.release();
            return 0;
        }, 10)) {
            assertThat(ran.tryAcquire(200, TimeUnit.MILLISECONDS)).as("no tick within the hour").isFalse();

            loop.wake();

            assertThat(ran.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void wakesWithinTheWakeDelayRunTheWorkOnceAfterIt() throws Exception {
        Semaphore ran = new Semaphore(0);
        try (PollingLoop loop = PollingLoop.start("test-loop", Duration.ofHours(1), Duration.ofMillis(500), () -> {
            ran.release();
            return 0;
        }, 10)) {
            loop.wake();
            loop.wake();
            loop.wake();

            assertThat(ran.tryAcquire(100, TimeUnit.MILLISECONDS)).as("not before the delay").isFalse();
            assertThat(ran.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
            assertThat(ran.tryAcquire(700, TimeUnit.MILLISECONDS)).as("three wakes, one run").isFalse();
        }
    }

    @Test
    void wakingAStoppedLoopDoesNothing() {
        PollingLoop loop = PollingLoop.start("test-loop", Duration.ofHours(1), () -> 0, 10);
        loop.close();

        assertThatCode(loop::wake).doesNotThrowAnyException();
    }
}
