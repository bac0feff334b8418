package com.tentabo.prm.application.registration;

import com.tentabo.prm.domain.id.LevelAssignmentId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.ProgrammeLevelId;
import com.tentabo.prm.domain.id.UserId;
import java.time.Instant;
import java.util.UUID;

/** One period of a partner at a programme level; {@code validTo} null for the current one. */
public record LevelAssignment(
        LevelAssignmentId id,
        PartnerId partnerId,
        ProgrammeLevelId levelId,
        String levelName,
        int levelRank,
        Instant validFrom,
        Instant validTo,
        String reason,
        UserId assignedByUserId,
        UUID assignedByAdminId) {}
