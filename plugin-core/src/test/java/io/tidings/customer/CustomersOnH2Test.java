package io.tidings.customer;

import io.tidings.testing.TestDatabase;

class CustomersOnH2Test extends CustomersContract {
    CustomersOnH2Test() {
        super(TestDatabase.H2);
    }
}
