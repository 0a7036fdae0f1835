package io.tidings.dispatch;

import io.tidings.testing.TestDatabase;

class ConcurrentDispatchOnPostgresTest extends ConcurrentDispatchContract {
    ConcurrentDispatchOnPostgresTest() {
        super(TestDatabase.POSTGRESQL);
    }
}
