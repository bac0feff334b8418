package com.tentabo.prm.application.registration;

import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.registration.MatchReason;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Another partner's record that claims the same customer: an open {@code lead}, a live {@code registration} or an
 * ACTIVE {@code contract}. Shown to staff only, never to the submitting partner.
 *
 * @param protectionEndsAt a registration's protection end, a contract's end date, else null
 * @param similarity       1 for an exact match, the trigram similarity of the names for a near one
 */
public record Match(
        String kind,
        UUID id,
        String status,
        PartnerId partnerId,
        DistributorId distributorId,
        String partnerName,
        String organization,
        BigDecimal value,
        String currency,
        Instant protectionEndsAt,
        MatchReason reason,
        BigDecimal similarity) {

    public static final String LEAD = "lead";
    public static final String REGISTRATION = "registration";
    public static final String CONTRACT = "contract";
}
