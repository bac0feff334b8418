package com.tentabo.prm.application.provider;

import java.time.Instant;
import java.util.Objects;

/** A note as the CRM holds it: its id, the CRM id of its lead (null when none), its text, and when it was written and changed. */
public record CrmNote(String providerId, String leadId, String content, Instant addedAt, Instant updatedAt) {
    public CrmNote {
        Objects.requireNonNull(providerId, "providerId");
    }
}
