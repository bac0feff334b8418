package com.tentabo.prm.application.lead.service;

import com.tentabo.prm.application.audit.AuditChange;
import com.tentabo.prm.application.audit.AuditChange.Field;
import com.tentabo.prm.application.audit.AuditFields;
import com.tentabo.prm.application.audit.service.AuditRecorder;
import com.tentabo.prm.application.identity.service.AuthorLinks;
import com.tentabo.prm.application.lead.port.in.LeadFollowUpUseCase;
import com.tentabo.prm.application.lead.port.out.LeadRepository;
import com.tentabo.prm.application.shared.Created;
import com.tentabo.prm.application.shared.Cursor;
import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.application.shared.IdempotencyKey;
import com.tentabo.prm.application.shared.IdempotentCreates;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.access.Role;
import com.tentabo.prm.domain.id.LeadActivityId;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.id.LeadNoteId;
import com.tentabo.prm.domain.lead.Lead;
import com.tentabo.prm.domain.lead.LeadActivity;
import com.tentabo.prm.domain.lead.LeadNote;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Activities and notes of a lead: the lead must be in the caller's scope; every change is audited. */
@ApplicationScoped
@Transactional
public class LeadFollowUpService implements LeadFollowUpUseCase {

    private final LeadRepository leads;
    private final AuthorLinks authors;
    private final AuditRecorder audit;
    private final IdGenerator ids;
    private final IdempotentCreates idempotency;
    private final Clock clock;

    public LeadFollowUpService(
            LeadRepository leads,
            AuthorLinks authors,
            AuditRecorder audit,
            IdGenerator ids,
            IdempotentCreates idempotency,
            Clock clock) {
        this.leads = leads;
        this.authors = authors;
        this.audit = audit;
        this.ids = ids;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @Override
    public Created<LeadActivity> addActivity(
            Caller caller, LeadId leadId, ActivityCommand command, IdempotencyKey idempotencyKey) {
        AccessPolicy.require(caller, Capability.LEADS_WRITE);
        lead(caller, leadId);
        LeadActivityId id = new LeadActivityId(ids.newId());
        return idempotency.create(
                caller,
                "add-lead-activity",
                idempotencyKey,
                id.value(),
                existing -> activity(leadId, new LeadActivityId(existing)),
                () -> {
                    Instant now = now();
                    LeadActivity activity = LeadActivity.plan(
                            id,
                            leadId,
                            command.type(),
                            command.subject(),
                            command.description(),
                            command.dueDate(),
                            authors.authorOf(caller),
                            now);
                    if (Boolean.TRUE.equals(command.done())) {
                        activity = activity.markDone(true, now);
                    }
                    leads.saveActivity(activity);
                    audit.record(
                            caller,
                            new AuditChange(
                                            "lead_activity.created",
                                            "lead_activity",
                                            activity.id().value(),
                                            AuditFields.created(activity.asMap()))
                                    .with(lead(leadId)),
                            now);
                    return activity;
                });
    }

    @Override
    public Page<LeadActivity> activities(Caller caller, LeadId leadId, String cursor, Integer limit) {
        AccessPolicy.require(caller, Capability.LEADS_READ);
        int size = Cursor.limit(limit);
        Cursor after = Cursor.decode(cursor);
        lead(caller, leadId);
        return leads.activities(leadId, after, size);
    }

    @Override
    public LeadActivity activity(Caller caller, LeadId leadId, LeadActivityId activityId) {
        AccessPolicy.require(caller, Capability.LEADS_READ);
        lead(caller, leadId);
        return activity(leadId, activityId);
    }

    @Override
    public LeadActivity updateActivity(
            Caller caller,
            LeadId leadId,
            LeadActivityId activityId,
            ActivityCommand command,
            ExpectedVersion expected) {
        AccessPolicy.require(caller, Capability.LEADS_WRITE);
        lead(caller, leadId);
        LeadActivity before = activityForChange(leadId, activityId, expected);
        Instant now = now();
        LeadActivity after =
                before.revise(command.type(), command.subject(), command.description(), command.dueDate(), now);
        if (command.done() != null) {
            after = after.markDone(command.done(), now);
        }
        return saveActivity(caller, before, after, "lead_activity.updated", now);
    }

    @Override
    public LeadActivity markActivity(
            Caller caller, LeadId leadId, LeadActivityId activityId, boolean done, ExpectedVersion expected) {
        AccessPolicy.require(caller, Capability.LEADS_WRITE);
        lead(caller, leadId);
        LeadActivity before = activityForChange(leadId, activityId, expected);
        Instant now = now();
        return saveActivity(
                caller, before, before.markDone(done, now), done ? "lead_activity.done" : "lead_activity.undone", now);
    }

    @Override
    public void deleteActivity(Caller caller, LeadId leadId, LeadActivityId activityId, ExpectedVersion expected) {
        AccessPolicy.require(caller, Capability.LEADS_WRITE);
        lead(caller, leadId);
        LeadActivity before = activityForChange(leadId, activityId, expected);
        leads.deleteActivity(activityId);
        audit.record(
                caller,
                new AuditChange(
                                "lead_activity.deleted",
                                "lead_activity",
                                activityId.value(),
                                AuditFields.deleted(before.asMap()))
                        .with(lead(leadId)),
                now());
    }

    @Override
    public Created<LeadNote> addNote(Caller caller, LeadId leadId, String content, IdempotencyKey idempotencyKey) {
        AccessPolicy.require(caller, Capability.LEADS_WRITE);
        lead(caller, leadId);
        LeadNoteId id = new LeadNoteId(ids.newId());
        return idempotency.create(
                caller,
                "add-lead-note",
                idempotencyKey,
                id.value(),
                existing -> note(leadId, new LeadNoteId(existing)),
                () -> {
                    Instant now = now();
                    LeadNote note = LeadNote.write(id, leadId, content, authors.authorOf(caller), now);
                    leads.saveNote(note);
                    audit.record(
                            caller,
                            new AuditChange(
                                    "lead_note.created",
                                    "lead_note",
                                    note.id().value(),
                                    List.of(Field.set("content", note.content()), lead(leadId))),
                            now);
                    return note;
                });
    }

    @Override
    public Page<LeadNote> notes(Caller caller, LeadId leadId, String cursor, Integer limit) {
        AccessPolicy.require(caller, Capability.LEADS_READ);
        int size = Cursor.limit(limit);
        Cursor after = Cursor.decode(cursor);
        lead(caller, leadId);
        return leads.notes(leadId, after, size);
    }

    @Override
    public void deleteNote(Caller caller, LeadId leadId, LeadNoteId noteId) {
        AccessPolicy.require(caller, Capability.LEADS_WRITE);
        lead(caller, leadId);
        LeadNote note = note(leadId, noteId);
        boolean admin = caller.role() == Role.ADMIN || caller.role() == Role.RESTRICTED_ADMIN;
        if (!admin && !authors.authorOf(caller).equals(note.authorId())) {
            throw new DomainException(ErrorCode.FORBIDDEN, "Only the note's author or an admin may delete a note");
        }
        leads.deleteNote(noteId);
        audit.record(
                caller,
                new AuditChange(
                        "lead_note.deleted",
                        "lead_note",
                        noteId.value(),
                        List.of(Field.removed("content", note.content()), lead(leadId))),
                now());
    }

    private LeadActivity saveActivity(
            Caller caller, LeadActivity before, LeadActivity after, String action, Instant now) {
        leads.saveActivity(after);
        audit.record(
                caller,
                AuditChange.changed(action, "lead_activity", after.id().value(), before.asMap(), after.asMap()),
                now);
        return after;
    }

    private Lead lead(Caller caller, LeadId leadId) {
        Lead lead = leads.findById(leadId)
                .orElseThrow(() -> DomainException.notFound(ErrorCode.LEAD_NOT_FOUND, "Lead", leadId));
        AccessPolicy.requireInScope(caller, lead.tenant(), ErrorCode.LEAD_NOT_FOUND, "Lead", leadId);
        return lead;
    }

    /** The activity, locked, and still the version the caller read when it sent {@code If-Match}. */
    private LeadActivity activityForChange(LeadId leadId, LeadActivityId activityId, ExpectedVersion expected) {
        LeadActivity activity = leads.findActivityForUpdate(leadId, activityId)
                .orElseThrow(() -> DomainException.notFound(ErrorCode.LEAD_ACTIVITY_NOT_FOUND, "Activity", activityId));
        expected.requireMatch(activity.updatedAt());
        return activity;
    }

    private LeadActivity activity(LeadId leadId, LeadActivityId activityId) {
        return leads.findActivity(leadId, activityId)
                .orElseThrow(() -> DomainException.notFound(ErrorCode.LEAD_ACTIVITY_NOT_FOUND, "Activity", activityId));
    }

    private LeadNote note(LeadId leadId, LeadNoteId noteId) {
        return leads.findNote(leadId, noteId)
                .orElseThrow(() -> DomainException.notFound(ErrorCode.LEAD_NOTE_NOT_FOUND, "Note", noteId));
    }

    /** The lead a follow-up belongs to, noted on its rows. */
    private static Field lead(LeadId leadId) {
        return Field.noted("lead_id", leadId.value());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
