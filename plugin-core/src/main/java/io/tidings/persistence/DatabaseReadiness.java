package io.tidings.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Tidings is ready only while its database answers. */
@Readiness
@ApplicationScoped
class DatabaseReadiness implements HealthCheck {

    private final Database database;

    @Inject
    DatabaseReadiness(Database database) {
        this.database = database;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("database").status(database.answers(2)).build();
    }
}
