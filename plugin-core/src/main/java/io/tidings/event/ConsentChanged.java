package io.tidings.event;

import io.tidings.consent.ConsentRecord;
import io.tidings.consent.ConsentStatement;
import io.tidings.preference.Channel;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A record was appended to a customer's consent ledger ({@code consent.changed}): a grant, denial,
 * withdrawal or expiry. Carries what the record says, not its evidence.
 *
 * @param sequence    the record's position in the customer's ledger, which orders the changes
 * @param purpose     the purpose's wire name, e.g. {@code marketing}
 * @param allChannels whether it speaks for every channel; otherwise {@code channels} names them
 * @param channels    the channels it covers when not all, else empty
 */
public record ConsentChanged(UUID customerId, long sequence, String purpose, String status, String basis,
                             boolean allChannels, List<Channel> channels, String source, Instant capturedAt,
                             Instant effectiveFrom, Instant effectiveTo) implements CustomerEvent {

    public static final String TYPE = "consent.changed";

    public ConsentChanged {
        channels = List.copyOf(channels);
    }

    public static ConsentChanged of(ConsentRecord record) {
        ConsentStatement s = record.statement();
        return new ConsentChanged(record.customerId(), record.sequence(), s.purpose().wireName(), s.status().name(),
                s.basis().name(), s.scope().allChannels(), s.scope().channels().stream().sorted().toList(), s.source().name(),
                s.capturedAt(), s.effectiveFrom(), s.effectiveTo());
    }

    @Override
    public String type() {
        return TYPE;
    }
}
