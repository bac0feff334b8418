package com.tentabo.prm.application.provider;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the PRM changed on a lead that came from a CRM, to be written back to the CRM's lead: only the parts that are
 * not null are sent. {@code archived}: the lead was won or lost (true) or reopened (false); {@code value} and
 * {@code currency} go together; {@code ownerEmail} is the new owner's e-mail, matched to a CRM user.
 */
public record CrmLeadUpdate(String leadId, Boolean archived, BigDecimal value, String currency, String ownerEmail) {

    public CrmLeadUpdate {
        Objects.requireNonNull(leadId, "leadId");
        if (value != null && currency == null) {
            throw new IllegalArgumentException("a value needs its currency");
        }
    }

    public boolean isEmpty() {
        return archived == null && value == null && ownerEmail == null;
    }
}
