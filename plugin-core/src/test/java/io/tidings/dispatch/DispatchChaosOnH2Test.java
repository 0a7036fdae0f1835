package io.tidings.dispatch;

import io.tidings.testing.TestDatabase;

class DispatchChaosOnH2Test extends DispatchChaosContract {
    DispatchChaosOnH2Test() {
        super(TestDatabase.H2);
    }
}
