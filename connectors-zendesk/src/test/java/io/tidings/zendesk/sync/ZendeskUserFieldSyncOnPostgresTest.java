package io.tidings.zendesk.sync;

import io.tidings.testing.TestDatabase;

class ZendeskUserFieldSyncOnPostgresTest extends ZendeskUserFieldSyncContract {
    ZendeskUserFieldSyncOnPostgresTest() {
        super(TestDatabase.POSTGRESQL);
    }
}
