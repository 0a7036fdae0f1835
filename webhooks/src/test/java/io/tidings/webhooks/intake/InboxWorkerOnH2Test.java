package io.tidings.webhooks.intake;

import io.tidings.testing.TestDatabase;

class InboxWorkerOnH2Test extends InboxWorkerContract {
    InboxWorkerOnH2Test() {
        super(TestDatabase.H2);
    }
}
