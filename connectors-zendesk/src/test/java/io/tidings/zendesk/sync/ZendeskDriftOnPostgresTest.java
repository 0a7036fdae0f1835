package io.tidings.zendesk.sync;

import io.tidings.testing.TestDatabase;

class ZendeskDriftOnPostgresTest extends ZendeskDriftContract {
    ZendeskDriftOnPostgresTest() {
        super(TestDatabase.POSTGRESQL);
    }
}
