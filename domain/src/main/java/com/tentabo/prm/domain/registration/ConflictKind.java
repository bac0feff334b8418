package com.tentabo.prm.domain.registration;

/**
 * What the check at submission found for the registration's customer among other partners' records (only staff ever
 * see it). Ordered by strength: the strongest finding is the one recorded.
 */
public enum ConflictKind {
    /** Nothing of another partner matches. */
    NONE,
    /** Another partner has an open lead or a pending (submitted or returned) registration for the customer. */
    OVERLAP,
    /** Another partner's APPROVED registration protects the customer: staff review, never approved by itself. */
    CONFLICT,
    /** The customer has an ACTIVE contract placed through another partner: that partner is the incumbent. */
    INCUMBENT;

    public ConflictKind strongest(ConflictKind other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
