package com.tentabo.prm.application.registration;

import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.registration.ProgrammeLevel;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A partner's place in the programme: its level (null when it has none), its trailing-12-month figures (computed:
 * bookings are the nets of its orders sent or later, won registrations those converted, both since {@code since}),
 * and the next level by rank with what is still missing to meet its thresholds (zero when met).
 */
public record LevelProgress(
        PartnerId partnerId,
        ProgrammeLevel level,
        Instant levelSince,
        Instant since,
        Instant until,
        BigDecimal trailingBookings,
        long wonRegistrations,
        ProgrammeLevel nextLevel,
        BigDecimal bookingsToNext,
        long wonRegistrationsToNext) {}
