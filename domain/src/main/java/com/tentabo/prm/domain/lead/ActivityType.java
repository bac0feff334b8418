package com.tentabo.prm.domain.lead;

/** Kinds of lead activity, stored in lower case in {@code lead_activities.activity_type}. */
public enum ActivityType {
    CALL,
    EMAIL,
    MEETING,
    TASK,
    DEADLINE,
    LUNCH,
    OTHER
}
