package io.tidings.dispatch;

import io.tidings.testing.TestDatabase;

class ConcurrentDispatchOnH2Test extends ConcurrentDispatchContract {
    ConcurrentDispatchOnH2Test() {
        super(TestDatabase.H2);
    }
}
