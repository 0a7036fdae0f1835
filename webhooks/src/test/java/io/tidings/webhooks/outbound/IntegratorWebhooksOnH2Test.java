package io.tidings.webhooks.outbound;

import io.tidings.testing.TestDatabase;

class IntegratorWebhooksOnH2Test extends IntegratorWebhooksContract {
    IntegratorWebhooksOnH2Test() {
        super(TestDatabase.H2);
    }
}
