package io.tidings.auth;

import io.tidings.testing.TestDatabase;

class ApiKeysOnH2Test extends ApiKeysContract {
    ApiKeysOnH2Test() {
        super(TestDatabase.H2);
    }
}
