package com.tentabo.prm.application.registration;

import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.ProgrammeLevelId;
import java.math.BigDecimal;

/** An active partner's trailing-12-month figures and its current level (null: none), as the promotion job reads them. */
public record PartnerFigures(
        PartnerId partnerId, BigDecimal trailingBookings, long wonRegistrations, ProgrammeLevelId levelId) {}
