package com.tentabo.prm.application.lead.port.in;

import com.tentabo.prm.application.shared.Created;
import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.application.shared.IdempotencyKey;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.id.LeadActivityId;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.id.LeadNoteId;
import com.tentabo.prm.domain.lead.ActivityType;
import com.tentabo.prm.domain.lead.LeadActivity;
import com.tentabo.prm.domain.lead.LeadNote;
import java.time.Instant;

/** Activities (planned and done) and notes of a lead in the caller's scope. */
public interface LeadFollowUpUseCase {

    record ActivityCommand(ActivityType type, String subject, String description, Instant dueDate, Boolean done) {}

    Created<LeadActivity> addActivity(
            Caller caller, LeadId leadId, ActivityCommand command, IdempotencyKey idempotencyKey);

    /** A page of the activities: {@code cursor} from the previous page, {@code limit} 1–200 (default 50). */
    Page<LeadActivity> activities(Caller caller, LeadId leadId, String cursor, Integer limit);

    LeadActivity activity(Caller caller, LeadId leadId, LeadActivityId activityId);

    /** {@code expected} on the activity changes: the version read (If-Match), or any(); changed since is 412. */
    LeadActivity updateActivity(
            Caller caller, LeadId leadId, LeadActivityId activityId, ActivityCommand command, ExpectedVersion expected);

    LeadActivity markActivity(
            Caller caller, LeadId leadId, LeadActivityId activityId, boolean done, ExpectedVersion expected);

    void deleteActivity(Caller caller, LeadId leadId, LeadActivityId activityId, ExpectedVersion expected);

    Created<LeadNote> addNote(Caller caller, LeadId leadId, String content, IdempotencyKey idempotencyKey);

    /** A page of the notes, newest first: {@code cursor} from the previous page, {@code limit} 1–200 (default 50). */
    Page<LeadNote> notes(Caller caller, LeadId leadId, String cursor, Integer limit);

    void deleteNote(Caller caller, LeadId leadId, LeadNoteId noteId);
}
