package io.tidings.notification;

/**
 * Where a sent message stands as its provider reports it. Reports can arrive out of order, so a
 * status only replaces one it comes after: queued, then sent, then one outcome (delivered,
 * undelivered or failed), then read, which only follows delivery.
 */
public enum DeliveryStatus {
    QUEUED(0),
    SENT(1),
    DELIVERED(2),
    UNDELIVERED(2),
    FAILED(2),
    READ(3);

    private final int stage;

    DeliveryStatus(int stage) {
        this.stage = stage;
    }

    /** True for the outcomes that say the message did not arrive. */
    public boolean failed() {
        return this == UNDELIVERED || this == FAILED;
    }

    /** True when this status may replace {@code current} (null: nothing reported yet). */
    public boolean follows(DeliveryStatus current) {
        if (current == null) {
            return true;
        }
        if (this == READ) {
            return !current.failed() && current != READ;
        }
        return stage > current.stage;
    }
}
