package io.tidings.inapp;

import io.tidings.testing.TestDatabase;

class InAppMessageStoreOnPostgresTest extends InAppMessageStoreContract {
    InAppMessageStoreOnPostgresTest() {
        super(TestDatabase.POSTGRESQL);
    }
}
