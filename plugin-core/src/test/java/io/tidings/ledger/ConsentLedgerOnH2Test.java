package io.tidings.ledger;

import io.tidings.testing.TestDatabase;

class ConsentLedgerOnH2Test extends ConsentLedgerContract {
    ConsentLedgerOnH2Test() {
        super(TestDatabase.H2);
    }
}
