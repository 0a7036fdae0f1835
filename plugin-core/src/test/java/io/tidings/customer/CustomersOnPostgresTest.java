package io.tidings.customer;

import io.tidings.testing.TestDatabase;

class CustomersOnPostgresTest extends CustomersContract {
    CustomersOnPostgresTest() {
        super(TestDatabase.POSTGRESQL);
    }
}
