package io.tidings.consent;

/**
 * What backs a consent record; every part is optional (null when unknown).
 *
 * @param agentId       the agent who captured it
 * @param ticketId      the support ticket it was captured on
 * @param ipAddress     the customer's IP address at capture
 * @param userAgent     the customer's browser or app at capture
 * @param noticeVersion the privacy-notice version the customer saw
 * @param note          free text
 */
public record Evidence(String agentId, String ticketId, String ipAddress, String userAgent, String noticeVersion,
                       String note) {

    private static final Evidence NONE = new Evidence(null, null, null, null, null, null);

    /** No evidence beyond the record itself. */
    public static Evidence none() {
        return NONE;
    }
}
