package io.tidings.ledger;

import io.tidings.testing.TestDatabase;

class ConsentLedgerOnPostgresTest extends ConsentLedgerContract {
    ConsentLedgerOnPostgresTest() {
        super(TestDatabase.POSTGRESQL);
    }
}
