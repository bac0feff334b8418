package com.tentabo.prm.application.provider;

import java.time.Instant;
import java.util.Objects;

/**
 * An activity (call, meeting, task…) as the CRM holds it: its id, the CRM id of the lead it is linked to (null when
 * none), its type as the CRM names it ({@code call}, {@code meeting}, …), subject, note, when it is due, whether it
 * is done (and when), and the CRM's change time.
 */
public record CrmActivity(
        String providerId,
        String leadId,
        String type,
        String subject,
        String description,
        Instant dueDate,
        boolean done,
        Instant doneAt,
        Instant updatedAt) {
    public CrmActivity {
        Objects.requireNonNull(providerId, "providerId");
    }
}
