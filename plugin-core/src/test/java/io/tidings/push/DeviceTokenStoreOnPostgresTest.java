package io.tidings.push;

import io.tidings.testing.TestDatabase;

class DeviceTokenStoreOnPostgresTest extends DeviceTokenStoreContract {
    DeviceTokenStoreOnPostgresTest() {
        super(TestDatabase.POSTGRESQL);
    }
}
