package io.tidings.consent;

/** What a customer consents to. */
public enum ConsentPurpose {
    MARKETING("marketing"),
    SERVICE_COMMUNICATIONS("service-communications"),
    DATA_SHARING("data-sharing"),
    PROFILING("profiling"),
    LEGAL("legal");

    private final String wireName;

    ConsentPurpose(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in the API and in decision trails. */
    public String wireName() {
        return wireName;
    }
}
