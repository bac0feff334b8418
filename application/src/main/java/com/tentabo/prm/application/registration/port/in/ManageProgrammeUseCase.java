package com.tentabo.prm.application.registration.port.in;

import com.tentabo.prm.application.registration.LevelAssignment;
import com.tentabo.prm.application.registration.LevelProgress;
import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.ProgrammeLevelId;
import com.tentabo.prm.domain.registration.ProgrammeLevel;
import java.math.BigDecimal;
import java.util.List;

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

    ProgrammeLevel level(Caller caller, ProgrammeLevelId id);

    com.tentabo.prm.application.shared.Created<ProgrammeLevel> create(
            Caller caller, LevelCommand command, com.tentabo.prm.application.shared.IdempotencyKey key);

    ProgrammeLevel update(Caller caller, ProgrammeLevelId id, LevelCommand command, ExpectedVersion expected);

    void delete(Caller caller, ProgrammeLevelId id, ExpectedVersion expected);

    /** Puts the partner at the level (staff), closing its current assignment; history kept. */
    LevelAssignment assign(Caller caller, PartnerId partnerId, ProgrammeLevelId levelId, String reason);

    /** The partner's levels, newest first (staff, or the partner's own users, or its distributor's). */
    List<LevelAssignment> history(Caller caller, PartnerId partnerId);

    /** The partner's level and progress towards the next one (in scope). */
    LevelProgress progress(Caller caller, PartnerId partnerId);
}
