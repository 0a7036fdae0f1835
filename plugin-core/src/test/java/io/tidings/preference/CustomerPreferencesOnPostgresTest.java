package io.tidings.preference;

import io.tidings.testing.TestDatabase;

class CustomerPreferencesOnPostgresTest extends CustomerPreferencesContract {
    CustomerPreferencesOnPostgresTest() {
        super(TestDatabase.POSTGRESQL);
    }
}
