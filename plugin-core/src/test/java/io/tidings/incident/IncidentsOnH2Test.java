package io.tidings.incident;

import io.tidings.testing.TestDatabase;

class IncidentsOnH2Test extends IncidentsContract {
    IncidentsOnH2Test() {
        super(TestDatabase.H2);
    }
}
