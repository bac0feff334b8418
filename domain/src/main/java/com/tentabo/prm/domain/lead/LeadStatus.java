package com.tentabo.prm.domain.lead;

/** Lead pipeline statuses (database enum {@code leadstatus}). */
public enum LeadStatus {
    NEW,
    CONTACTED,
    QUALIFIED,
    PROPOSAL,
    NEGOTIATION,
    WON,
    LOST
}
