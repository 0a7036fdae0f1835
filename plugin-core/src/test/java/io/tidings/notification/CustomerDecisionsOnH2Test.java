package io.tidings.notification;

import io.tidings.testing.TestDatabase;

class CustomerDecisionsOnH2Test extends CustomerDecisionsContract {
    CustomerDecisionsOnH2Test() {
        super(TestDatabase.H2);
    }
}
