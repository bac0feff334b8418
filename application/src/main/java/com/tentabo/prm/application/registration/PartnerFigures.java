package com.tentabo.prm.application.registration;

import java.math.BigDecimal;
import java.util.UUID;

/** An active partner's trailing-12-month figures and its current level (null: none), as the promotion job reads them. */
public record PartnerFigures(UUID partnerId, BigDecimal trailingBookings, long wonRegistrations, UUID levelId) {}
