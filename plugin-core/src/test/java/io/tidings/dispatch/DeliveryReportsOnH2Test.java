package io.tidings.dispatch;

import io.tidings.testing.TestDatabase;

class DeliveryReportsOnH2Test extends DeliveryReportsContract {
    DeliveryReportsOnH2Test() {
        super(TestDatabase.H2);
    }
}
