package io.tidings.webhooks.outbound;

import io.tidings.testing.TestDatabase;

class WebhookEndpointsOnPostgresTest extends WebhookEndpointsContract {
    WebhookEndpointsOnPostgresTest() {
        super(TestDatabase.POSTGRESQL);
    }
}
