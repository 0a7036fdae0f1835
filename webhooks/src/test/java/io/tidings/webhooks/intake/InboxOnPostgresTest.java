package io.tidings.webhooks.intake;

import io.tidings.testing.TestDatabase;

class InboxOnPostgresTest extends InboxContract {
    InboxOnPostgresTest() {
        super(TestDatabase.POSTGRESQL);
    }
}
