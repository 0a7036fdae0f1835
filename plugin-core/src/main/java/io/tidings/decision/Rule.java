package io.tidings.decision;

/** A rule of the decision engine, named as it appears in decision trails. */
public enum Rule {
    CONTACT_POINT("contact-point"),
    CONSENT("consent"),
    PREFERENCE("preference"),
    INCIDENT("incident"),
    TCPA_FLOOR("tcpa-floor"),
    QUIET_HOURS("quiet-hours"),
    COLLAPSE("collapse"),
    FREQUENCY_CAP("frequency-cap"),
    LEGAL_REROUTE("legal-reroute"),
    NO_CHANNEL_FALLBACK("no-channel-fallback");

    private final String label;

    Rule(String label) {
        this.label = label;
    }

    /** The rule's name in trails. */
    public String label() {
        return label;
    }
}
