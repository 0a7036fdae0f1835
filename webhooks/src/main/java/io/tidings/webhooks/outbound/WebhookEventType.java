package io.tidings.webhooks.outbound;

/** What an integrator's endpoint can subscribe to; the wire name is the Standard Webhooks {@code type}. */
public enum WebhookEventType {
    CONSENT_CHANGED("consent.changed"),
    PREFERENCES_CHANGED("preferences.changed"),
    NOTIFICATION_STATUS_CHANGED("notification.status_changed"),
    INCIDENT_UPDATED("incident.updated");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static WebhookEventType fromWireName(String wireName) {
        for (WebhookEventType type : values()) {
            if (type.wireName.equals(wireName)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown webhook event type " + wireName);
    }
}
