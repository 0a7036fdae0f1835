package io.tidings.incident;

import io.tidings.testing.TestDatabase;

class IncidentsOnPostgresTest extends IncidentsContract {
    IncidentsOnPostgresTest() {
        super(TestDatabase.POSTGRESQL);
    }
}
