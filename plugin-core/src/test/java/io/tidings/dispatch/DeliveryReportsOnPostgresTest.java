package io.tidings.dispatch;

import io.tidings.testing.TestDatabase;

class DeliveryReportsOnPostgresTest extends DeliveryReportsContract {
    DeliveryReportsOnPostgresTest() {
        super(TestDatabase.POSTGRESQL);
    }
}
