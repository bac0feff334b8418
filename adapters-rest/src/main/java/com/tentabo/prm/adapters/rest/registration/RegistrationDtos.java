package com.tentabo.prm.adapters.rest.registration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.tentabo.prm.application.registration.HistoryEntry;
import com.tentabo.prm.application.registration.LevelAssignment;
import com.tentabo.prm.application.registration.LevelProgress;
import com.tentabo.prm.application.registration.Match;
import com.tentabo.prm.application.registration.RegistrationView;
import com.tentabo.prm.application.registration.port.in.ManageProgrammeUseCase;
import com.tentabo.prm.application.registration.port.in.SubmitRegistrationUseCase;
import com.tentabo.prm.domain.id.EntityId;
import com.tentabo.prm.domain.registration.ConflictKind;
import com.tentabo.prm.domain.registration.MatchReason;
import com.tentabo.prm.domain.registration.ProgrammeLevel;
import com.tentabo.prm.domain.registration.RegistrationStatus;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of deal registrations and the partner programme. */
public final class RegistrationDtos {

    private RegistrationDtos() {}

    public record SubmitRequest(
            @Size(max = 255) String organization,
            @Size(max = 50) String registrationNumber,
            @Size(max = 255) String domain,
            @Size(max = 2000) String expectedProducts,
            BigDecimal expectedValue,
            @Size(max = 3) String currency) {
        SubmitRegistrationUseCase.Submission submission() {
            return new SubmitRegistrationUseCase.Submission(
                    organization, registrationNumber, domain, expectedProducts, expectedValue, currency);
        }
    }

    public record ResubmitRequest(
            @Size(max = 255) String organization,
            @Size(max = 50) String registrationNumber,
            @Size(max = 255) String domain,
            @Size(max = 2000) String expectedProducts,
            BigDecimal expectedValue,
            @NotNull @Size(max = 2000) String answer) {
        SubmitRegistrationUseCase.Submission submission() {
            return new SubmitRegistrationUseCase.Submission(
                    organization, registrationNumber, domain, expectedProducts, expectedValue, null);
        }
    }

    public enum DecisionValue {
        APPROVE,
        REJECT,
        RETURN
    }

    public record DecisionRequest(
            @NotNull DecisionValue decision,
            @NotNull @Size(max = 2000) String reason) {}

    public record ExtensionRequest(
            @NotNull Instant protectionEndsAt,
            @NotNull @Size(max = 2000) String reason) {}

    public record ExtensionDecisionRequest(
            @NotNull Boolean grant,
            @NotNull @Size(max = 2000) String reason) {}

    /** A match shown to staff only: the other partner's record side by side. */
    public record MatchResponse(
            String kind,
            UUID id,
            String status,
            UUID partnerId,
            UUID distributorId,
            String partnerName,
            String organization,
            BigDecimal value,
            String currency,
            Instant protectionEndsAt,
            MatchReason reason,
            BigDecimal similarity) {
        static MatchResponse of(Match m) {
            return RegistrationResponseMapper.INSTANCE.match(m);
        }
    }

    /**
     * A registration. {@code conflict}, {@code matches} and {@code flagged_order_ids} are staff fields: they are absent
     * from every answer to a partner or distributor, who see a submitted registration as {@code review: under_review}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RegistrationResponse(
            UUID id,
            UUID leadId,
            UUID partnerId,
            UUID distributorId,
            UUID submittedByUserId,
            RegistrationStatus status,
            String review,
            String organization,
            String registrationNumber,
            String domain,
            String expectedProducts,
            BigDecimal expectedValue,
            String currency,
            Instant protectionEndsAt,
            Instant extensionRequestedUntil,
            Boolean extended,
            String decisionReason,
            Instant decidedAt,
            Instant submittedAt,
            Instant createdAt,
            Instant updatedAt,
            List<UUID> orderIds,
            ConflictKind conflict,
            List<MatchResponse> matches,
            List<UUID> flaggedOrderIds) {
        static RegistrationResponse of(RegistrationView v) {
            return RegistrationResponseMapper.INSTANCE.toResponse(v);
        }
    }

    public record HistoryResponse(
            UUID id,
            String action,
            RegistrationStatus fromStatus,
            RegistrationStatus toStatus,
            String reason,
            UUID userId,
            UUID adminUserId,
            Instant at) {
        static HistoryResponse of(HistoryEntry h) {
            return new HistoryResponse(
                    h.id().value(),
                    h.action(),
                    h.fromStatus(),
                    h.toStatus(),
                    h.reason(),
                    EntityId.uuid(h.userId()),
                    h.adminUserId(),
                    h.at());
        }
    }

    public record HistoryList(List<HistoryResponse> items) {}

    public record LevelRequest(
            @NotNull @Size(max = 100) String name,
            @NotNull Integer rank,
            @NotNull BigDecimal discountPercentage,
            @NotNull BigDecimal registrationBonusPercentage,
            Integer protectionDays,
            BigDecimal minTrailingBookings,
            Integer minWonRegistrations) {
        ManageProgrammeUseCase.LevelCommand command() {
            return new ManageProgrammeUseCase.LevelCommand(
                    name,
                    rank,
                    discountPercentage,
                    registrationBonusPercentage,
                    protectionDays,
                    minTrailingBookings,
                    minWonRegistrations);
        }
    }

    public record LevelResponse(
            UUID id,
            String name,
            int rank,
            BigDecimal discountPercentage,
            BigDecimal registrationBonusPercentage,
            int protectionDays,
            BigDecimal minTrailingBookings,
            int minWonRegistrations,
            Instant createdAt,
            Instant updatedAt) {
        static LevelResponse of(ProgrammeLevel l) {
            return ProgrammeResponseMapper.INSTANCE.level(l);
        }
    }

    public record LevelList(List<LevelResponse> items) {}

    public record AssignRequest(
            @NotNull UUID levelId,
            @NotNull @Size(max = 2000) String reason) {}

    public record AssignmentResponse(
            UUID id,
            UUID partnerId,
            UUID levelId,
            String levelName,
            int levelRank,
            Instant validFrom,
            Instant validTo,
            String reason,
            UUID assignedByUserId,
            UUID assignedByAdminUserId) {
        static AssignmentResponse of(LevelAssignment a) {
            return ProgrammeResponseMapper.INSTANCE.assignment(a);
        }
    }

    public record AssignmentList(List<AssignmentResponse> items) {}

    public record ProgressResponse(
            UUID partnerId,
            LevelResponse level,
            Instant levelSince,
            Instant periodStart,
            Instant periodEnd,
            BigDecimal trailingBookings,
            long wonRegistrations,
            LevelResponse nextLevel,
            BigDecimal bookingsToNextLevel,
            Long wonRegistrationsToNextLevel) {
        static ProgressResponse of(LevelProgress p) {
            return ProgrammeResponseMapper.INSTANCE.progress(p);
        }
    }
}
