package io.tidings.zendesk.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.customer.CustomerQuery;
import io.tidings.customer.CustomerStore;
import io.tidings.customer.ExternalRefs;
import io.tidings.zendesk.client.IncrementalUsersPage;
import io.tidings.zendesk.client.ZendeskClient;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads user-field edits made in Zendesk back through the incremental user export and reconciles
 * each known customer's fields; the export's cursor is stored after every page, so a stopped
 * reader resumes where it was. The first run starts a little before now: earlier edits are the
 * backfill's business, not drift.
 */
public final class ZendeskDriftReader {

    static final String POSITION = "zendesk-incremental-users";
    /** Zendesk takes no start time less than a minute ago. */
    private static final Duration FIRST_LOOK_BACK = Duration.ofMinutes(2);
    private static final int MAX_PAGES_PER_RUN = 100;

    private final ZendeskClient client;
    private final SyncPositions positions;
    private final CustomerStore customers;
    private final CustomerSnapshots snapshots;
    private final FieldDrift drift;
    private final Clock clock;

    public ZendeskDriftReader(ZendeskClient client, SyncPositions positions, CustomerStore customers,
                              CustomerSnapshots snapshots, FieldDrift drift, Clock clock) {
        this.client = client;
        this.positions = positions;
        this.customers = customers;
        this.snapshots = snapshots;
        this.drift = drift;
        this.clock = clock;
    }

    /** Reads the export up to the present; answers how many known customers' fields were restricted from Zendesk. */
    public int readChanges() {
        Optional<String> cursor = positions.get(POSITION);
        IncrementalUsersPage page = cursor.isPresent() ? client.incrementalUsersAfter(cursor.get())
                : client.incrementalUsersSince(clock.instant().minus(FIRST_LOOK_BACK));
        int restricted = 0;
        for (int pages = 1; ; pages++) {
            for (JsonNode user : page.users()) {
                restricted += reconcile(user);
            }
            if (page.afterCursor() != null) {
                positions.put(POSITION, page.afterCursor());
            }
            if (page.endOfStream() || page.afterCursor() == null || pages == MAX_PAGES_PER_RUN) {
                return restricted;
            }
            page = client.incrementalUsersAfter(page.afterCursor());
        }
    }

    private int reconcile(JsonNode user) {
        JsonNode fields = user.path("user_fields");
        if (!fields.isObject()) {
            return 0;
        }
        String zendeskUserId = user.path("id").asText();
        return customers.page(new CustomerQuery(null, 1, new ExternalRefs(zendeskUserId, null, null))).stream()
                .findFirst()
                .flatMap(customer -> snapshots.of(customer.id()))
                .map(snapshot -> drift.reconcile(snapshot, fields).restricted())
                .orElse(0);
    }
}
