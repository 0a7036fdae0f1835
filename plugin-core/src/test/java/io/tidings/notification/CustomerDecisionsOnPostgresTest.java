package io.tidings.notification;

import io.tidings.testing.TestDatabase;

class CustomerDecisionsOnPostgresTest extends CustomerDecisionsContract {
    CustomerDecisionsOnPostgresTest() {
        super(TestDatabase.POSTGRESQL);
    }
}
