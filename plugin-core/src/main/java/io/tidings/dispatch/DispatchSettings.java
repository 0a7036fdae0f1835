package io.tidings.dispatch;

import java.time.Duration;
import java.util.Map;

/**
 * How the dispatcher works through the outbox.
 *
 * @param batchSize        sends claimed at a time
 * @param lease            how long a claim is held; a send not finished by then is claimed again
 * @param retries          when failed sends are tried again
 * @param breakerThreshold retryable failures in a row that open a provider's circuit breaker
 * @param breakerOpenFor   how long an open breaker keeps sends away from its provider
 * @param ratePerSecond    the most sends a second per provider id on one replica; absent ids are not paced
 * @param decisionFreshFor how long after it was queued a send goes out on its first decision; one
 *                         held back longer (pacing, an open breaker, a backlog) is decided again first
 */
public record DispatchSettings(int batchSize, Duration lease, RetrySchedule retries, int breakerThreshold,
                               Duration breakerOpenFor, Map<String, Double> ratePerSecond, Duration decisionFreshFor) {

    public DispatchSettings {
        ratePerSecond = Map.copyOf(ratePerSecond);
    }
}
