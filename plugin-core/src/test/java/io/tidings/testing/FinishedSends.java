package io.tidings.testing;

import io.tidings.dispatch.Outbox;
import io.tidings.dispatch.OutboxRecord;
import io.tidings.dispatch.OutboxStatus;

/** Waits for a running dispatcher to carry out a send, for tests that go through the real worker. */
public final class FinishedSends {

    private FinishedSends() {
    }

    /** The send's record once it is neither queued nor being sent; fails after 10 s. */
    public static OutboxRecord await(Outbox outbox, String idempotencyKey) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            OutboxRecord record = outbox.findByIdempotencyKey(idempotencyKey).orElseThrow();
            if (record.status() != OutboxStatus.QUEUED && record.status() != OutboxStatus.SENDING) {
                return record;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the send was not carried out within 10 s");
    }
}
