package io.tidings.dispatch;

import io.tidings.testing.TestDatabase;

class DispatchChaosOnPostgresTest extends DispatchChaosContract {
    DispatchChaosOnPostgresTest() {
        super(TestDatabase.POSTGRESQL);
    }
}
