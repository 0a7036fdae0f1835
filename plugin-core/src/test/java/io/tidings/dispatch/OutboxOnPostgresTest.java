package io.tidings.dispatch;

import io.tidings.testing.TestDatabase;

class OutboxOnPostgresTest extends OutboxContract {
    OutboxOnPostgresTest() {
        super(TestDatabase.POSTGRESQL);
    }
}
