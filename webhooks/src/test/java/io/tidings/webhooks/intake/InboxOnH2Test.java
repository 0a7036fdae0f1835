package io.tidings.webhooks.intake;

import io.tidings.testing.TestDatabase;

class InboxOnH2Test extends InboxContract {
    InboxOnH2Test() {
        super(TestDatabase.H2);
    }
}
