package com.tentabo.prm.application.lead.port.out;

import com.tentabo.prm.application.lead.LeadQuery;
import com.tentabo.prm.application.shared.Cursor;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.TenantScope;
import com.tentabo.prm.domain.id.LeadActivityId;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.id.LeadNoteId;
import com.tentabo.prm.domain.lead.Lead;
import com.tentabo.prm.domain.lead.LeadActivity;
import com.tentabo.prm.domain.lead.LeadNote;
import com.tentabo.prm.domain.lead.LeadStatus;
import com.tentabo.prm.domain.lead.StatusChange;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Stores the lead aggregate: {@code leads}, {@code lead_status_history}, {@code lead_activities}, {@code lead_notes}. */
public interface LeadRepository {
    Optional<Lead> findById(LeadId id);

    /** The lead, its row locked until the transaction ends (a change checks and writes it without a race). */
    Optional<Lead> findByIdForUpdate(LeadId id);

    void save(Lead lead);

    void delete(LeadId id);

    /** The lead is referenced by an order (then it cannot be deleted). */
    boolean hasOrders(LeadId id);

    /** The scoped, filtered, keyset-paginated list (newest first, ties by id). */
    Page<Lead> list(LeadQuery query, TenantScope scope);

    /**
     * The first page of each status of {@code columns} (a board), as {@link #list} would answer it for the query with
     * that one status: {@code query}'s own statuses and cursor are not used. An adapter may read them all at once.
     */
    default Map<LeadStatus, Page<Lead>> board(LeadQuery query, List<LeadStatus> columns, TenantScope scope) {
        Map<LeadStatus, Page<Lead>> board = new EnumMap<>(LeadStatus.class);
        for (LeadStatus status : columns) {
            board.put(
                    status,
                    list(
                            new LeadQuery(
                                    Set.of(status),
                                    query.ownerId(),
                                    query.partnerId(),
                                    query.distributorId(),
                                    query.closeFrom(),
                                    query.closeTo(),
                                    query.provider(),
                                    query.search(),
                                    query.limit(),
                                    null),
                            scope));
        }
        return board;
    }

    void appendHistory(StatusChange change);

    List<StatusChange> history(LeadId leadId);

    Optional<LeadActivity> findActivity(LeadId leadId, LeadActivityId activityId);

    /** The activity of the lead, its row locked until the transaction ends. */
    Optional<LeadActivity> findActivityForUpdate(LeadId leadId, LeadActivityId activityId);

    void saveActivity(LeadActivity activity);

    void deleteActivity(LeadActivityId activityId);

    /** A page of the activities, ordered by due date (undated last), then creation; {@code after} null for the first. */
    Page<LeadActivity> activities(LeadId leadId, Cursor after, int limit);

    Optional<LeadNote> findNote(LeadId leadId, LeadNoteId noteId);

    void saveNote(LeadNote note);

    void deleteNote(LeadNoteId noteId);

    /** A page of the notes, newest first; {@code after} null for the first. */
    Page<LeadNote> notes(LeadId leadId, Cursor after, int limit);
}
