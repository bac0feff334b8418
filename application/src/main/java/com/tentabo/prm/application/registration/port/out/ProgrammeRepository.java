package com.tentabo.prm.application.registration.port.out;

import com.tentabo.prm.application.registration.LevelAssignment;
import com.tentabo.prm.application.registration.PartnerFigures;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.ProgrammeLevelId;
import com.tentabo.prm.domain.registration.ProgrammeLevel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Programme levels, the level of each partner with its history, and the figures levels are reached with. */
public interface ProgrammeRepository {

    /** Every level, lowest rank first. */
    List<ProgrammeLevel> levels();

    Optional<ProgrammeLevel> findLevel(ProgrammeLevelId id);

    Optional<ProgrammeLevel> findLevelForUpdate(ProgrammeLevelId id);

    void saveLevel(ProgrammeLevel level);

    void deleteLevel(ProgrammeLevelId id);

    /** Whether a partner holds or held the level. */
    boolean levelInUse(ProgrammeLevelId id);

    /** The partner's current level, if it has one. */
    Optional<LevelAssignment> currentAssignment(PartnerId partnerId);

    /** Closes the partner's current assignment at {@code at} (if any) and opens this one. */
    void assign(LevelAssignment assignment);

    /** The partner's assignments, newest first. */
    List<LevelAssignment> history(PartnerId partnerId);

    /** Σ net (subtotal − discount) of the partner's orders sent, in fulfilment or fulfilled, created in [since, until). */
    BigDecimal bookings(PartnerId partnerId, Instant since, Instant until);

    /** The partner's registrations converted in [since, until). */
    long wonRegistrations(PartnerId partnerId, Instant since, Instant until);

    /**
     * The figures of every active partner that booked or won anything in [since, until), with its current level: the
     * promotion job's candidates (a partner with neither can meet no threshold).
     */
    List<PartnerFigures> activeFigures(Instant since, Instant until);
}
