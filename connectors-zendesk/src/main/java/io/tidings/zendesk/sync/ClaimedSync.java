package io.tidings.zendesk.sync;

import java.util.UUID;

/**
 * A customer's queued sync that one worker holds under a lease.
 *
 * @param customerId the customer
 * @param version    the queue row's version when claimed; a later change raises it
 * @param attempts   attempts made before this one
 * @param leaseToken proves the lease is still this worker's
 */
public record ClaimedSync(UUID customerId, long version, int attempts, UUID leaseToken) {
}
