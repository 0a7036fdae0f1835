package io.tidings.preference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Customers' preferences in the database: a header row with version and language, a row per
 * explicit choice, per channel's quiet hours and per category's volume limits; and every version
 * as a document for the history.
 */
@ApplicationScoped
public class PreferenceStore {

    private static final List<String> PARTS = List.of("preference_choice", "preference_quiet_hours",
            "preference_volume_limit", "preference_set");

    private final Jdbi jdbi;

    @Inject
    public PreferenceStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The customer's stored preferences, or empty when they never set any. */
    public Optional<StoredPreferences> find(UUID customerId) {
        return jdbi.withHandle(handle -> find(handle, customerId));
    }

    /** The customer's stored preferences, read inside the caller's transaction. */
    public Optional<StoredPreferences> find(Handle handle, UUID customerId) {
        Optional<Header> header = handle.createQuery("select version, language, updated_at from preference_set "
                        + "where customer_id = :id")
                .bind("id", customerId)
                .map((rs, ctx) -> new Header(rs.getInt("version"), rs.getString("language"),
                        rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
                .findOne();
        if (header.isEmpty()) {
            return Optional.empty();
        }
        PreferenceSet.Builder builder = PreferenceSet.builder().language(Locale.forLanguageTag(header.get().language()));
        handle.createQuery("select category, channel, enabled from preference_choice where customer_id = :id")
                .bind("id", customerId)
                .map((rs, ctx) -> new Choice(Category.valueOf(rs.getString("category")),
                        Channel.valueOf(rs.getString("channel")), rs.getBoolean("enabled")))
                .forEach(choice -> builder.choose(choice.category(), choice.channel(), choice.enabled()));
        handle.createQuery("select channel, starts_at, ends_at from preference_quiet_hours where customer_id = :id")
                .bind("id", customerId)
                .map((rs, ctx) -> new Window(Channel.valueOf(rs.getString("channel")),
                        new QuietHours(rs.getObject("starts_at", LocalTime.class), rs.getObject("ends_at", LocalTime.class))))
                .forEach(window -> builder.quietHours(window.channel(), window.hours()));
        handle.createQuery("select category, cap_max, cap_period_seconds, collapse_window_seconds "
                        + "from preference_volume_limit where customer_id = :id")
                .bind("id", customerId)
                .map((rs, ctx) -> {
                    Category category = Category.valueOf(rs.getString("category"));
                    long capPeriod = rs.getLong("cap_period_seconds");
                    FrequencyCap cap = rs.wasNull() ? null
                            : new FrequencyCap(category, rs.getInt("cap_max"), Duration.ofSeconds(capPeriod));
                    long collapse = rs.getLong("collapse_window_seconds");
                    return new Limits(cap, rs.wasNull() ? null : new CollapseWindow(category, Duration.ofSeconds(collapse)));
                })
                .forEach(limits -> {
                    if (limits.cap() != null) {
                        builder.cap(limits.cap());
                    }
                    if (limits.window() != null) {
                        builder.collapseWindow(limits.window());
                    }
                });
        Header found = header.get();
        return Optional.of(new StoredPreferences(builder.build(), found.version(), found.updatedAt()));
    }

    /** Replaces the customer's preferences with version {@code stored.version()}; the caller holds the customer's lock. */
    public void replace(Handle handle, UUID customerId, StoredPreferences stored) {
        delete(handle, customerId);
        PreferenceSet preferences = stored.preferences();
        handle.createUpdate("insert into preference_set (customer_id, version, language, updated_at) "
                        + "values (:id, :version, :language, :updatedAt)")
                .bind("id", customerId)
                .bind("version", stored.version())
                .bind("language", preferences.language().toLanguageTag())
                .bind("updatedAt", stored.updatedAt().atOffset(ZoneOffset.UTC))
                .execute();
        PreparedBatch choices = handle.prepareBatch("insert into preference_choice (customer_id, category, channel, "
                + "enabled) values (:id, :category, :channel, :enabled)");
        PreparedBatch quiet = handle.prepareBatch("insert into preference_quiet_hours (customer_id, channel, starts_at, "
                + "ends_at) values (:id, :channel, :start, :end)");
        PreparedBatch limits = handle.prepareBatch("insert into preference_volume_limit (customer_id, category, cap_max, "
                + "cap_period_seconds, collapse_window_seconds) values (:id, :category, :max, :period, :collapse)");
        for (Category category : Category.ALL) {
            for (Channel channel : Channel.ALL) {
                if (preferences.hasChoice(category, channel)) {
                    choices.bind("id", customerId).bind("category", category.name()).bind("channel", channel.name())
                            .bind("enabled", preferences.chosenOn(category, channel)).add();
                }
            }
            FrequencyCap cap = preferences.capFor(category);
            CollapseWindow window = preferences.collapseWindowFor(category);
            if (cap != null || window != null) {
                limits.bind("id", customerId).bind("category", category.name())
                        .bind("max", cap == null ? null : cap.max())
                        .bind("period", cap == null ? null : cap.period().toSeconds())
                        .bind("collapse", window == null ? null : window.window().toSeconds())
                        .add();
            }
        }
        for (Channel channel : Channel.ALL) {
            QuietHours hours = preferences.quietHoursFor(channel);
            if (hours != null) {
                quiet.bind("id", customerId).bind("channel", channel.name())
                        .bind("start", hours.start()).bind("end", hours.end()).add();
            }
        }
        for (PreparedBatch batch : List.of(choices, quiet, limits)) {
            if (batch.size() > 0) {
                batch.execute();
            }
        }
    }

    /** Records a version in the customer's preference history. */
    public void addChange(Handle handle, UUID customerId, PreferenceChange change) {
        handle.createUpdate("insert into preference_change (customer_id, version, changed_at, changed_by, ticket_id, "
                        + "document) values (:id, :version, :changedAt, :changedBy, :ticketId, :document)")
                .bind("id", customerId)
                .bind("version", change.version())
                .bind("changedAt", change.changedAt().atOffset(ZoneOffset.UTC))
                .bind("changedBy", change.changedBy())
                .bind("ticketId", change.ticketId())
                .bind("document", change.document())
                .execute();
    }

    /** The customer's preference history, newest first. */
    public List<PreferenceChange> history(UUID customerId) {
        return jdbi.withHandle(handle -> handle.createQuery("select version, changed_at, changed_by, ticket_id, document "
                        + "from preference_change where customer_id = :id order by version desc")
                .bind("id", customerId)
                .map((rs, ctx) -> new PreferenceChange(rs.getInt("version"),
                        rs.getObject("changed_at", OffsetDateTime.class).toInstant(), rs.getString("changed_by"),
                        rs.getString("ticket_id"), rs.getString("document")))
                .list());
    }

    /** Removes the customer's preferences and their history (erasure). */
    public void deleteWithHistory(Handle handle, UUID customerId) {
        delete(handle, customerId);
        handle.createUpdate("delete from preference_change where customer_id = :id").bind("id", customerId).execute();
    }

    private static void delete(Handle handle, UUID customerId) {
        for (String table : PARTS) {
            handle.createUpdate("delete from " + table + " where customer_id = :id").bind("id", customerId).execute();
        }
    }

    private record Header(int version, String language, Instant updatedAt) {
    }

    private record Choice(Category category, Channel channel, boolean enabled) {
    }

    private record Window(Channel channel, QuietHours hours) {
    }

    private record Limits(FrequencyCap cap, CollapseWindow window) {
    }
}
