package io.tidings.push;

import io.tidings.testing.TestDatabase;

class DeviceTokenStoreOnH2Test extends DeviceTokenStoreContract {
    DeviceTokenStoreOnH2Test() {
        super(TestDatabase.H2);
    }
}
