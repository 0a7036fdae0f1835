package io.tidings.template;

/** The alphabet an SMS is sent in, with its capacity alone and as part of a concatenated message. */
public enum SmsEncoding {
    GSM_7(160, 153), UCS_2(70, 67);

    private final int single;
    private final int perPart;

    SmsEncoding(int single, int perPart) {
        this.single = single;
        this.perPart = perPart;
    }

    /** Units that fit in one SMS on its own. */
    public int single() {
        return single;
    }

    /** Units that fit in each part of a concatenated SMS (the rest of it carries the concatenation header). */
    public int perPart() {
        return perPart;
    }
}
