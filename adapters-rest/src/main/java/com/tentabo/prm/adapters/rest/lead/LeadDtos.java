package com.tentabo.prm.adapters.rest.lead;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.tentabo.prm.domain.id.EntityId;
import com.tentabo.prm.domain.lead.ActivityType;
import com.tentabo.prm.domain.lead.Lead;
import com.tentabo.prm.domain.lead.LeadActivity;
import com.tentabo.prm.domain.lead.LeadDetails;
import com.tentabo.prm.domain.lead.LeadNote;
import com.tentabo.prm.domain.lead.LeadStatus;
import com.tentabo.prm.domain.lead.StatusChange;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of leads, their status history, activities and notes. */
public final class LeadDtos {

    private LeadDtos() {}

    public record CreateLeadRequest(
            @NotNull @Size(max = 255) String title,
            @NotNull @Size(max = 255) String organization,
            @NotNull @Size(max = 255) String contactName,
            @Size(max = 255) String contactEmail,
            @Size(max = 50) String contactPhone,
            BigDecimal value,
            @Size(max = 3) String currency,
            Integer probability,
            Instant expectedCloseDate,
            UUID ownerId,
            UUID partnerId,
            UUID distributorId) {
        LeadDetails details() {
            return new LeadDetails(
                    title,
                    organization,
                    contactName,
                    contactEmail,
                    contactPhone,
                    value,
                    currency,
                    probability,
                    expectedCloseDate);
        }
    }

    public record UpdateLeadRequest(
            @NotNull @Size(max = 255) String title,
            @NotNull @Size(max = 255) String organization,
            @NotNull @Size(max = 255) String contactName,
            @Size(max = 255) String contactEmail,
            @Size(max = 50) String contactPhone,
            BigDecimal value,
            @Size(max = 3) String currency,
            Integer probability,
            Instant expectedCloseDate) {
        LeadDetails details() {
            return new LeadDetails(
                    title,
                    organization,
                    contactName,
                    contactEmail,
                    contactPhone,
                    value,
                    currency,
                    probability,
                    expectedCloseDate);
        }
    }

    public record OwnerRequest(@NotNull UUID ownerId) {}

    public record StatusRequest(
            @NotNull LeadStatus status, @Size(max = 2000) String reason) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LeadResponse(
            UUID id,
            String title,
            String organization,
            String contactName,
            String contactEmail,
            String contactPhone,
            BigDecimal value,
            String currency,
            LeadStatus status,
            Integer probability,
            Instant expectedCloseDate,
            UUID ownerId,
            UUID partnerId,
            UUID distributorId,
            String providerName,
            Instant createdAt,
            Instant updatedAt,
            List<ActivityResponse> activities,
            List<NoteResponse> notes,
            List<HistoryResponse> statusHistory) {
        static LeadResponse of(Lead l) {
            return of(l, null, null, null);
        }

        static LeadResponse of(
                Lead l, List<ActivityResponse> activities, List<NoteResponse> notes, List<HistoryResponse> history) {
            return LeadResponseMapper.INSTANCE.lead(l, activities, notes, history);
        }
    }

    public record LeadPage(List<LeadResponse> items, String nextCursor) {}

    public record HistoryResponse(
            UUID id,
            LeadStatus oldStatus,
            LeadStatus newStatus,
            UUID changedByUserId,
            String reason,
            Instant changedAt) {
        static HistoryResponse of(StatusChange c) {
            return new HistoryResponse(
                    c.id().value(), c.from(), c.to(), EntityId.uuid(c.changedBy()), c.reason(), c.at());
        }
    }

    public record HistoryList(List<HistoryResponse> items) {}

    public record ActivityRequest(
            @NotNull ActivityType activityType,
            @Size(max = 255) String subject,
            @Size(max = 10000) String description,
            Instant dueDate,
            Boolean done) {}

    public record DoneRequest(@NotNull Boolean done) {}

    public record ActivityResponse(
            UUID id,
            UUID leadId,
            ActivityType activityType,
            String subject,
            String description,
            Instant dueDate,
            boolean done,
            Instant doneAt,
            UUID userId,
            Instant createdAt,
            Instant updatedAt) {
        static ActivityResponse of(LeadActivity a) {
            return LeadResponseMapper.INSTANCE.activity(a);
        }
    }

    /** A page of activities: {@code next_cursor} is null on the last page. */
    public record ActivityList(List<ActivityResponse> items, String nextCursor) {}

    @Schema(name = "LeadNoteRequest")
    public record NoteRequest(@NotNull @Size(max = 10000) String content) {}

    @Schema(name = "LeadNoteResponse")
    public record NoteResponse(UUID id, UUID leadId, String content, UUID createdByUserId, Instant createdAt) {
        static NoteResponse of(LeadNote n) {
            return new NoteResponse(
                    n.id().value(), n.leadId().value(), n.content(), EntityId.uuid(n.authorId()), n.createdAt());
        }
    }

    /** A page of notes: {@code next_cursor} is null on the last page. */
    public record NoteList(List<NoteResponse> items, String nextCursor) {}
}
