package com.tentabo.prm.application.provider;

import java.util.Objects;
import java.util.Set;

/**
 * A deal's new status in the CRM: {@code won}, {@code lost} (with the reason, when one was given) or {@code open}.
 */
public record CrmDealUpdate(String dealId, String status, String lostReason) {

    public static final String WON = "won";
    public static final String LOST = "lost";
    public static final String OPEN = "open";

    public CrmDealUpdate {
        Objects.requireNonNull(dealId, "dealId");
        if (!Set.of(WON, LOST, OPEN).contains(status)) {
            throw new IllegalArgumentException("not a deal status: " + status);
        }
        lostReason = LOST.equals(status) && lostReason != null && !lostReason.isBlank() ? lostReason.strip() : null;
    }
}
