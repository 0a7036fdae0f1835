package io.tidings.webhooks.intake;

/** A system that sends Tidings webhooks; its wire name is what the inbox stores. */
public enum DeliverySource {
    ZENDESK("zendesk"),
    /** Outbound Messages (SOAP). */
    SALESFORCE("salesforce"),
    /** Account-change events a Salesforce Flow posts as Standard Webhooks. */
    SALESFORCE_FLOW("salesforce-flow");

    private final String wireName;

    DeliverySource(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static DeliverySource fromWireName(String wireName) {
        for (DeliverySource source : values()) {
            if (source.wireName.equals(wireName)) {
                return source;
            }
        }
        throw new IllegalArgumentException("unknown delivery source " + wireName);
    }
}
