package io.tidings.zendesk.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.consent.ChannelScope;
import io.tidings.consent.ConsentBasis;
import io.tidings.consent.ConsentPurpose;
import io.tidings.consent.ConsentSource;
import io.tidings.consent.ConsentStatement;
import io.tidings.consent.ConsentStatus;
import io.tidings.consent.Evidence;
import io.tidings.ledger.ConsentLedger;
import io.tidings.preference.CategoryPolicies;
import io.tidings.preference.CustomerPreferences;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Reconciles one Zendesk user's Tidings fields, as an agent may have edited them, with what Tidings
 * holds: the most restrictive value wins. A preference or marketing consent turned off in Zendesk
 * is turned off in Tidings (the preference history and the ledger record it with source crm-sync);
 * anything else that differs, a box ticked in Zendesk included, is written back from Tidings.
 */
public final class FieldDrift {

    /** The name preference changes made from Zendesk carry as their author. */
    public static final String CRM_SYNC = "crm-sync";

    private final CustomerPreferences preferences;
    private final ConsentLedger ledger;
    private final ZendeskSyncQueue queue;
    private final CategoryPolicies policies;
    private final Clock clock;

    public FieldDrift(CustomerPreferences preferences, ConsentLedger ledger, ZendeskSyncQueue queue,
                      CategoryPolicies policies, Clock clock) {
        this.preferences = preferences;
        this.ledger = ledger;
        this.queue = queue;
        this.policies = policies;
        this.clock = clock;
    }

    /** What reconciling one user did. */
    public record Outcome(int restricted, boolean writtenBack) {
    }

    /** Reconciles the user's {@code user_fields} with the customer's snapshot. */
    public Outcome reconcile(CustomerSnapshot snapshot, JsonNode userFields) {
        int restricted = 0;
        boolean differs = false;
        for (SyncedField field : TidingsUserFields.ALL) {
            Object tidings = TidingsUserFields.valueOf(field, snapshot, policies);
            JsonNode zendesk = userFields.get(field.key());
            if (turnedOff(tidings, zendesk)) {
                restrict(snapshot, field);
                restricted++;
            } else if (!sameValue(tidings, zendesk)) {
                differs = true;
            }
        }
        if (differs || restricted > 0) {
            queue.request(snapshot.customer().id());
        }
        return new Outcome(restricted, differs || restricted > 0);
    }

    private static boolean turnedOff(Object tidings, JsonNode zendesk) {
        return Boolean.TRUE.equals(tidings) && zendesk != null && zendesk.isBoolean() && !zendesk.asBoolean();
    }

    private static boolean sameValue(Object tidings, JsonNode zendesk) {
        if (zendesk == null || zendesk.isNull()) {
            return tidings == null || Boolean.FALSE.equals(tidings);
        }
        return tidings instanceof Boolean on ? zendesk.isBoolean() && zendesk.asBoolean() == on
                : Objects.equals(String.valueOf(tidings), zendesk.asText());
    }

    /** Turns the field's preference or consent off in Tidings, which queues the customer's fields to be written. */
    private void restrict(CustomerSnapshot snapshot, SyncedField field) {
        var customerId = snapshot.customer().id();
        switch (field) {
            case SyncedField.PreferenceToggle toggle -> preferences.change(customerId,
                    set -> PreferenceEdits.withChoice(set, toggle.category(), toggle.channel(), false),
                    new CustomerPreferences.ChangedBy(CRM_SYNC, null));
            case SyncedField.MarketingOptIn optIn -> {
                Instant now = clock.instant();
                ledger.record(customerId, new ConsentStatement(ConsentPurpose.MARKETING, ConsentStatus.REVOKED,
                        ConsentBasis.EXPLICIT, ChannelScope.of(optIn.channel()), now, now, null,
                        ConsentSource.CRM_SYNC, new Evidence(null, null, null, null, null,
                        "Zendesk user field " + field.key() + " turned off")));
            }
            case SyncedField.Shown shown -> throw new IllegalStateException(shown.key() + " is not read back");
        }
    }
}
