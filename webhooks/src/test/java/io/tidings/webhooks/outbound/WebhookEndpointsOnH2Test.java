package io.tidings.webhooks.outbound;

import io.tidings.testing.TestDatabase;

class WebhookEndpointsOnH2Test extends WebhookEndpointsContract {
    WebhookEndpointsOnH2Test() {
        super(TestDatabase.H2);
    }
}
