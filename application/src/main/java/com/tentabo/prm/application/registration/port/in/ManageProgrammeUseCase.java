package com.tentabo.prm.application.registration.port.in;

import com.tentabo.prm.application.registration.LevelAssignment;
import com.tentabo.prm.application.registration.LevelProgress;
import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.registration.ProgrammeLevel;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Programme levels (staff manage them; partners and distributors read them), assignments and progress. */
public interface ManageProgrammeUseCase {

    record LevelCommand(
            String name,
            Integer rank,
            BigDecimal discountPercentage,
            BigDecimal registrationBonusPercentage,
            Integer protectionDays,
            BigDecimal minTrailingBookings,
            Integer minWonRegistrations) {}

    List<ProgrammeLevel> levels(Caller caller);

    ProgrammeLevel level(Caller caller, UUID id);

    com.tentabo.prm.application.shared.Created<ProgrammeLevel> create(
            Caller caller, LevelCommand command, com.tentabo.prm.application.shared.IdempotencyKey key);

    ProgrammeLevel update(Caller caller, UUID id, LevelCommand command, ExpectedVersion expected);

    void delete(Caller caller, UUID id, ExpectedVersion expected);

    /** Puts the partner at the level (staff), closing its current assignment; history kept. */
    LevelAssignment assign(Caller caller, UUID partnerId, UUID levelId, String reason);

    /** The partner's levels, newest first (staff, or the partner's own users, or its distributor's). */
    List<LevelAssignment> history(Caller caller, UUID partnerId);

    /** The partner's level and progress towards the next one (in scope). */
    LevelProgress progress(Caller caller, UUID partnerId);
}
