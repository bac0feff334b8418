package com.tentabo.prm.application.registration;

import com.tentabo.prm.domain.id.RegistrationHistoryId;
import com.tentabo.prm.domain.id.RegistrationId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.registration.RegistrationStatus;
import java.time.Instant;
import java.util.UUID;

/** One step of a registration's readable history: the action, the move, the reason and who (null for the daily job). */
public record HistoryEntry(
        RegistrationHistoryId id,
        RegistrationId registrationId,
        String action,
        RegistrationStatus fromStatus,
        RegistrationStatus toStatus,
        String reason,
        UserId userId,
        UUID adminUserId,
        Instant at) {}
