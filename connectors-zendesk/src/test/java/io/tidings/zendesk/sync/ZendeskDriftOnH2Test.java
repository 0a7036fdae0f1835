package io.tidings.zendesk.sync;

import io.tidings.testing.TestDatabase;

class ZendeskDriftOnH2Test extends ZendeskDriftContract {
    ZendeskDriftOnH2Test() {
        super(TestDatabase.H2);
    }
}
