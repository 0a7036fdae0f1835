package io.tidings.dispatch;

import io.tidings.testing.TestDatabase;

class OutboxOnH2Test extends OutboxContract {
    OutboxOnH2Test() {
        super(TestDatabase.H2);
    }
}
