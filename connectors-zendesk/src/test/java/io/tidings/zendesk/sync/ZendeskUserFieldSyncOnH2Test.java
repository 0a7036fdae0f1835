package io.tidings.zendesk.sync;

import io.tidings.testing.TestDatabase;

class ZendeskUserFieldSyncOnH2Test extends ZendeskUserFieldSyncContract {
    ZendeskUserFieldSyncOnH2Test() {
        super(TestDatabase.H2);
    }
}
