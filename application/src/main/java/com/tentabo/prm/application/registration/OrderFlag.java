package com.tentabo.prm.application.registration;

import java.time.Instant;
import java.util.UUID;

/**
 * An order another partner placed for a customer that an APPROVED, still protected registration covers: flagged to
 * staff, never blocked. {@code organization} and {@code protectingPartnerId} are the protecting registration's.
 */
public record OrderFlag(
        UUID orderId,
        UUID registrationId,
        String organization,
        UUID protectingPartnerId,
        UUID orderPartnerId,
        Instant flaggedAt) {}
