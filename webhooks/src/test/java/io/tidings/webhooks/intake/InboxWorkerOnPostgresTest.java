package io.tidings.webhooks.intake;

import io.tidings.testing.TestDatabase;

class InboxWorkerOnPostgresTest extends InboxWorkerContract {
    InboxWorkerOnPostgresTest() {
        super(TestDatabase.POSTGRESQL);
    }
}
