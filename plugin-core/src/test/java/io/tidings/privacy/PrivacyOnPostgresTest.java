package io.tidings.privacy;

import io.tidings.testing.TestDatabase;

class PrivacyOnPostgresTest extends PrivacyContract {
    PrivacyOnPostgresTest() {
        super(TestDatabase.POSTGRESQL);
    }
}
