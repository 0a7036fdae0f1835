package io.tidings.webhooks.outbound;

import io.tidings.testing.TestDatabase;

class WebhookDeliveryOnH2Test extends WebhookDeliveryContract {
    WebhookDeliveryOnH2Test() {
        super(TestDatabase.H2);
    }
}
