package com.tentabo.prm.domain.lead;

import com.tentabo.prm.domain.id.LeadActivityId;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.StoredRows;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A call, email, meeting, task… planned or done on a lead (table {@code lead_activities}). Invariants: a type;
 * subject ≤ 255 characters; {@code doneAt} is set exactly when {@code done} is true (marking done sets it,
 * marking undone clears it; marking done twice keeps the first time). Subject and description are checked when
 * planned or revised; a stored activity ({@link #stored}) keeps them as stored.
 */
public record LeadActivity(
        LeadActivityId id,
        LeadId leadId,
        ActivityType type,
        String subject,
        String description,
        Instant dueDate,
        boolean done,
        Instant doneAt,
        UserId userId,
        Instant createdAt,
        Instant updatedAt) {

    public LeadActivity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(leadId, "leadId");
        if (type == null) {
            throw DomainException.invalid("activity_type", "is required");
        }
        if (!StoredRows.reading()) {
            subject = subject == null || subject.isBlank() ? null : subject.strip();
            if (subject != null && subject.length() > 255) {
                throw DomainException.invalid("subject", "must be at most 255 characters");
            }
            description = description == null || description.isBlank() ? null : description.strip();
            if (description != null && description.length() > 10_000) {
                throw DomainException.invalid("description", "must be at most 10000 characters");
            }
        }
    }

    /**
     * An activity as stored: subject and description as the row holds them (a description longer than the API
     * accepts included). {@link #revise} checks them again; {@link #markDone} leaves them as they are.
     */
    public static LeadActivity stored(
            LeadActivityId id,
            LeadId leadId,
            ActivityType type,
            String subject,
            String description,
            Instant dueDate,
            boolean done,
            Instant doneAt,
            UserId userId,
            Instant createdAt,
            Instant updatedAt) {
        return StoredRows.build(() -> new LeadActivity(
                id, leadId, type, subject, description, dueDate, done, doneAt, userId, createdAt, updatedAt));
    }

    public static LeadActivity plan(
            LeadActivityId id,
            LeadId leadId,
            ActivityType type,
            String subject,
            String description,
            Instant dueDate,
            UserId userId,
            Instant at) {
        return new LeadActivity(id, leadId, type, subject, description, dueDate, false, null, userId, at, at);
    }

    public LeadActivity revise(
            ActivityType newType, String newSubject, String newDescription, Instant newDue, Instant at) {
        return new LeadActivity(
                id, leadId, newType, newSubject, newDescription, newDue, done, doneAt, userId, createdAt, at);
    }

    public LeadActivity markDone(boolean nowDone, Instant at) {
        if (nowDone == done) {
            return this;
        }
        return StoredRows.build(() -> new LeadActivity(
                id, leadId, type, subject, description, dueDate, nowDone, nowDone ? at : null, userId, createdAt, at));
    }

    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("activity_type", type);
        map.put("subject", subject);
        map.put("description", description);
        map.put("due_date", dueDate);
        map.put("done", done);
        map.put("done_at", doneAt);
        return map;
    }
}
