package com.tentabo.prm.domain.lead;

import java.util.EnumSet;
import java.util.Set;

/**
 * Lead pipeline statuses (database enum {@code leadstatus}) and the explicit transition table of DOMAIN.md:
 * <pre>
 * NEW → CONTACTED → QUALIFIED → PROPOSAL → NEGOTIATION → WON | LOST
 * </pre>
 * An open lead may skip forward (to any later open status or to WON) and may go to LOST from any open status;
 * LOST may be reopened to NEW; WON is final. Staying in the same status is not a transition.
 */
public enum LeadStatus {
    NEW,
    CONTACTED,
    QUALIFIED,
    PROPOSAL,
    NEGOTIATION,
    WON,
    LOST;

    /** The statuses this one may move to. */
    public Set<LeadStatus> allowedTargets() {
        return switch (this) {
            case NEW -> EnumSet.of(CONTACTED, QUALIFIED, PROPOSAL, NEGOTIATION, WON, LOST);
            case CONTACTED -> EnumSet.of(QUALIFIED, PROPOSAL, NEGOTIATION, WON, LOST);
            case QUALIFIED -> EnumSet.of(PROPOSAL, NEGOTIATION, WON, LOST);
            case PROPOSAL -> EnumSet.of(NEGOTIATION, WON, LOST);
            case NEGOTIATION -> EnumSet.of(WON, LOST);
            case WON -> EnumSet.noneOf(LeadStatus.class);
            case LOST -> EnumSet.of(NEW);
        };
    }

    public boolean canMoveTo(LeadStatus target) {
        return allowedTargets().contains(target);
    }

    /** Open statuses are those still in the pipeline (neither WON nor LOST). */
    public boolean isOpen() {
        return this != WON && this != LOST;
    }
}
