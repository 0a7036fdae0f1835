package io.tidings.consent;

import java.util.regex.Pattern;

/**
 * What backs a consent record; every part is optional (null when unknown). The notice version is
 * not personal; the other parts are personal data of the customer or the agent, which erasure
 * removes, keeping only their {@linkplain ConsentEncoding#personalEvidenceDigest digest} so the
 * record's hash still verifies.
 *
 * @param agentId       the agent who captured it
 * @param ticketId      the support ticket it was captured on
 * @param ipAddress     the customer's IP address at capture
 * @param userAgent     the customer's browser or app at capture
 * @param noticeVersion the privacy-notice version the customer saw
 * @param note          free text
 * @param erasedDigest  null while the personal parts are held; after erasure, the digest they had
 */
public record Evidence(String agentId, String ticketId, String ipAddress, String userAgent, String noticeVersion,
                       String note, String erasedDigest) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Evidence NONE = new Evidence(null, null, null, null, null, null);

    public Evidence {
        if (erasedDigest != null) {
            if (!SHA256_HEX.matcher(erasedDigest).matches()) {
                throw new IllegalArgumentException("erasedDigest must be 64 lowercase hex digits");
            }
            if (agentId != null || ticketId != null || ipAddress != null || userAgent != null || note != null) {
                throw new IllegalArgumentException("erased evidence holds no personal parts");
            }
        }
    }

    /** Evidence whose personal parts are held. */
    public Evidence(String agentId, String ticketId, String ipAddress, String userAgent, String noticeVersion,
                    String note) {
        this(agentId, ticketId, ipAddress, userAgent, noticeVersion, note, null);
    }

    /** No evidence beyond the record itself. */
    public static Evidence none() {
        return NONE;
    }

    /** Whether the personal parts were erased. */
    public boolean isErased() {
        return erasedDigest != null;
    }

    /** The digest of the personal parts: recomputed while they are held, the kept one after erasure. */
    public String personalDigest() {
        return isErased() ? erasedDigest : ConsentEncoding.personalEvidenceDigest(this);
    }

    /** This evidence without its personal parts, keeping their digest and the notice version. */
    public Evidence erased() {
        return isErased() ? this : new Evidence(null, null, null, null, noticeVersion, null, personalDigest());
    }

    @Override
    public String toString() {
        return "Evidence[noticeVersion=" + noticeVersion + ", personalDigest=" + personalDigest() + "]";
    }
}
