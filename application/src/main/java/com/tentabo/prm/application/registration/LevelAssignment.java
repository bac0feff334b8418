package com.tentabo.prm.application.registration;

import java.time.Instant;
import java.util.UUID;

/** One period of a partner at a programme level; {@code validTo} null for the current one. */
public record LevelAssignment(
        UUID id,
        UUID partnerId,
        UUID levelId,
        String levelName,
        int levelRank,
        Instant validFrom,
        Instant validTo,
        String reason,
        UUID assignedByUserId,
        UUID assignedByAdminId) {}
