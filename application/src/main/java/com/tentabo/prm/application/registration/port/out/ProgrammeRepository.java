package com.tentabo.prm.application.registration.port.out;

import com.tentabo.prm.application.registration.LevelAssignment;
import com.tentabo.prm.domain.registration.ProgrammeLevel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Programme levels, the level of each partner with its history, and the figures levels are reached with. */
public interface ProgrammeRepository {

    /** Every level, lowest rank first. */
    List<ProgrammeLevel> levels();

    Optional<ProgrammeLevel> findLevel(UUID id);

    Optional<ProgrammeLevel> findLevelForUpdate(UUID id);

    void saveLevel(ProgrammeLevel level);

    void deleteLevel(UUID id);

    /** Whether a partner holds or held the level. */
    boolean levelInUse(UUID id);

    /** The partner's current level, if it has one. */
    Optional<LevelAssignment> currentAssignment(UUID partnerId);

    /** Closes the partner's current assignment at {@code at} (if any) and opens this one. */
    void assign(LevelAssignment assignment);

    /** The partner's assignments, newest first. */
    List<LevelAssignment> history(UUID partnerId);

    /** Σ net (subtotal − discount) of the partner's orders sent, in fulfilment or fulfilled, created in [since, until). */
    BigDecimal bookings(UUID partnerId, Instant since, Instant until);

    /** The partner's registrations converted in [since, until). */
    long wonRegistrations(UUID partnerId, Instant since, Instant until);

    /**
     * The figures of every active partner that booked or won anything in [since, until), with its current level: the
     * promotion job's candidates (a partner with neither can meet no threshold).
     */
    List<com.tentabo.prm.application.registration.PartnerFigures> activeFigures(Instant since, Instant until);
}
