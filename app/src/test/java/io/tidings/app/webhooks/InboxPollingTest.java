package io.tidings.app.webhooks;

import io.helidon.microprofile.testing.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import io.tidings.persistence.SourceEventKey;
import jakarta.inject.Inject;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The server works its inbox in the background, without anyone asking. */
@HelidonTest
@AddConfig(key = "tidings.db.url", value = "jdbc:h2:mem:inbox-polling;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
@AddConfig(key = "tidings.inbox.poll-interval", value = "PT0.1S")
class InboxPollingTest {

    @Inject
    Jdbi jdbi;

    @Test
    void settlesStoredDeliveriesInTheBackground() throws InterruptedException {
        jdbi.useHandle(handle -> handle.createUpdate("insert into inbox (id, source, source_event_id, dedup_key, event_type, "
                        + "subject, occurred_at, received_at, payload, status, attempts) values (:id, 'zendesk', 'evt-1', :key, "
                        + "'zen:event-type:user.active_changed', 'zen:user:1', :at, :at, '{}', 'PENDING', 0)")
                .bind("id", UUID.randomUUID())
                .bind("key", SourceEventKey.of("zendesk", "evt-1"))
                .bind("at", OffsetDateTime.now(ZoneOffset.UTC))
                .execute());

        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        String status = "PENDING";
        while (status.equals("PENDING") && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            status = jdbi.withHandle(handle -> handle.createQuery("select status from inbox where source_event_id = 'evt-1'")
                    .mapTo(String.class).one());
        }

        assertThat(status).isEqualTo("IGNORED");
    }
}
