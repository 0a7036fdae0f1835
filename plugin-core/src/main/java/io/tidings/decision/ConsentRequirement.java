package io.tidings.decision;

import io.tidings.consent.ConsentPurpose;
import io.tidings.preference.Category;

/**
 * Which consent purpose each message category needs, and whether the ledger must hold a grant
 * before anything is sent. This is the one place the mapping lives.
 *
 * @param purpose        the consent purpose the category is sent under
 * @param grantRequired  true when sending needs a GRANTED record; false when the legal basis is the
 *                       contract or a legal obligation, so only a DENIED, REVOKED or EXPIRED record stops it
 */
public record ConsentRequirement(ConsentPurpose purpose, boolean grantRequired) {

    private static final ConsentRequirement MARKETING = new ConsentRequirement(ConsentPurpose.MARKETING, true);
    private static final ConsentRequirement SERVICE =
            new ConsentRequirement(ConsentPurpose.SERVICE_COMMUNICATIONS, false);
    private static final ConsentRequirement LEGAL = new ConsentRequirement(ConsentPurpose.LEGAL, false);

    /** The requirement of a category. */
    public static ConsentRequirement of(Category category) {
        return switch (category) {
            // Promotions and surveys are direct marketing: opt-in consent must be on record.
            case PROMOTIONAL, SURVEY -> MARKETING;
            // Messages needed to deliver and secure the service the customer signed up for.
            case TRANSACTIONAL, SERVICE_UPDATE, SECURITY -> SERVICE;
            // Notices the law obliges us to give; a recorded refusal only moves them to another channel.
            case LEGAL -> LEGAL;
        };
    }
}
