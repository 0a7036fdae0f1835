package io.tidings.webhooks.outbound;

import io.tidings.testing.TestDatabase;

class IntegratorWebhooksOnPostgresTest extends IntegratorWebhooksContract {
    IntegratorWebhooksOnPostgresTest() {
        super(TestDatabase.POSTGRESQL);
    }
}
