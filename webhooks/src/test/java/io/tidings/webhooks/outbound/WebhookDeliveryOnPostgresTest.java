package io.tidings.webhooks.outbound;

import io.tidings.testing.TestDatabase;

class WebhookDeliveryOnPostgresTest extends WebhookDeliveryContract {
    WebhookDeliveryOnPostgresTest() {
        super(TestDatabase.POSTGRESQL);
    }
}
