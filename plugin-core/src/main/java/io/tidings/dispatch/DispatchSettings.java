package io.tidings.dispatch;

import java.time.Duration;

/**
 * How the dispatcher works through the outbox.
 *
 * @param batchSize sends claimed at a time
 * @param lease     how long a claim is held; a send not finished by then is claimed again
 * @param retries   when failed sends are tried again
 */
public record DispatchSettings(int batchSize, Duration lease, RetrySchedule retries) {
}
