package io.tidings.preference;

import io.tidings.testing.TestDatabase;

class CustomerPreferencesOnH2Test extends CustomerPreferencesContract {
    CustomerPreferencesOnH2Test() {
        super(TestDatabase.H2);
    }
}
