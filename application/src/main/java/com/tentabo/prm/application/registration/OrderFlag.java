package com.tentabo.prm.application.registration;

import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.RegistrationId;
import java.time.Instant;

/**
 * An order another partner placed for a customer that an APPROVED, still protected registration covers: flagged to
 * staff, never blocked. {@code organization} and {@code protectingPartnerId} are the protecting registration's.
 */
public record OrderFlag(
        OrderId orderId,
        RegistrationId registrationId,
        String organization,
        PartnerId protectingPartnerId,
        PartnerId orderPartnerId,
        Instant flaggedAt) {}
