package com.tentabo.prm.application.provider;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * A lead as the CRM holds it now, provider-neutral: the CRM's id, the descriptive fields a PRM lead takes, when the
 * CRM last changed it ({@code updatedAt}, to refuse an older copy), and CRM facts worth keeping in
 * {@code leads.provider_metadata} (owner, labels, …). {@code organization} and {@code contactName} are the CRM's
 * organization and person names, null when the lead has none.
 */
public record CrmLead(
        String providerId,
        String title,
        String organization,
        String contactName,
        String contactEmail,
        String contactPhone,
        BigDecimal value,
        String currency,
        LocalDate expectedCloseDate,
        Instant updatedAt,
        Map<String, Object> metadata) {
    public CrmLead {
        Objects.requireNonNull(providerId, "providerId");
        metadata = metadata == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
    }
}
