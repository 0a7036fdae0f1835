package io.tidings.inapp;

import io.tidings.testing.TestDatabase;

class InAppMessageStoreOnH2Test extends InAppMessageStoreContract {
    InAppMessageStoreOnH2Test() {
        super(TestDatabase.H2);
    }
}
