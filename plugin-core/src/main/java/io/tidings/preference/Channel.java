package io.tidings.preference;

import java.util.List;

/** A way Tidings can reach a customer. */
public enum Channel {
    EMAIL, SMS, WHATSAPP, VOICE, PUSH, IN_APP;

    /** Every channel in declaration order; shared, immutable, so hot paths need not call {@code values()}. */
    public static final List<Channel> ALL = List.of(values());

    /** Number of channels, for array-indexed lookups. */
    public static final int COUNT = ALL.size();
}
