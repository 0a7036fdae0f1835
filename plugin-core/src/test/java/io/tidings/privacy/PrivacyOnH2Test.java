package io.tidings.privacy;

import io.tidings.testing.TestDatabase;

class PrivacyOnH2Test extends PrivacyContract {
    PrivacyOnH2Test() {
        super(TestDatabase.H2);
    }
}
