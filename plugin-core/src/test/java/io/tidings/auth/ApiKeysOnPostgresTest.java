package io.tidings.auth;

import io.tidings.testing.TestDatabase;

class ApiKeysOnPostgresTest extends ApiKeysContract {
    ApiKeysOnPostgresTest() {
        super(TestDatabase.POSTGRESQL);
    }
}
