package com.tentabo.prm.domain.lead;

import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.id.LeadNoteId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.StoredRows;
import java.time.Instant;
import java.util.Objects;

/**
 * A free-text note on a lead (table {@code lead_notes}). Invariants: content present, at most 10,000 characters, when
 * written; a stored note ({@link #stored}) is read as it is.
 */
public record LeadNote(
        LeadNoteId id, LeadId leadId, String content, UserId authorId, Instant createdAt, Instant updatedAt) {

    public LeadNote {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(leadId, "leadId");
        if (!StoredRows.reading()) {
            content = content == null ? null : content.strip();
            if (content == null || content.isEmpty()) {
                throw DomainException.invalid("content", "must not be blank");
            }
            if (content.length() > 10_000) {
                throw DomainException.invalid("content", "must be at most 10000 characters");
            }
        }
    }

    /** A note as stored: blank or longer than the API accepts, it still lists and shows as it is. */
    public static LeadNote stored(
            LeadNoteId id, LeadId leadId, String content, UserId authorId, Instant createdAt, Instant updatedAt) {
        return StoredRows.build(() -> new LeadNote(id, leadId, content, authorId, createdAt, updatedAt));
    }

    public static LeadNote write(LeadNoteId id, LeadId leadId, String content, UserId authorId, Instant at) {
        return new LeadNote(id, leadId, content, authorId, at, at);
    }
}
