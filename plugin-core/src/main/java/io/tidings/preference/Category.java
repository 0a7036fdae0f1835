package io.tidings.preference;

import java.util.List;

/** The kind of message, which decides defaults, consent purpose and fallbacks. */
public enum Category {
    TRANSACTIONAL(new CategoryPolicy(false, false, false, NoChannelFallback.ESCALATE)),
    PROMOTIONAL(new CategoryPolicy(true, false, false, NoChannelFallback.DEFER)),
    SERVICE_UPDATE(new CategoryPolicy(false, false, false, NoChannelFallback.OFFER_UPDATE)),
    LEGAL(new CategoryPolicy(false, true, false, NoChannelFallback.ESCALATE)),
    SURVEY(new CategoryPolicy(true, false, false, NoChannelFallback.DEFER)),
    SECURITY(new CategoryPolicy(false, false, true, NoChannelFallback.ESCALATE));

    /** Every category in declaration order. */
    public static final List<Category> ALL = List.of(values());

    /** Number of categories, for array-indexed lookups. */
    public static final int COUNT = ALL.size();

    private final CategoryPolicy defaultPolicy;

    Category(CategoryPolicy defaultPolicy) {
        this.defaultPolicy = defaultPolicy;
    }

    /** The built-in policy, used unless configuration overrides it. */
    public CategoryPolicy defaultPolicy() {
        return defaultPolicy;
    }
}
