package com.tentabo.prm.application.order.service;

import com.tentabo.prm.application.lead.port.out.LeadRepository;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.access.TenantRef;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.lead.Lead;
import com.tentabo.prm.domain.lead.LeadStatus;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import com.tentabo.prm.domain.shared.FieldViolation;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The lead an order is placed for: it must be in the caller's scope (else 404, as if missing), WON (else 422
 * {@code LEAD_NOT_WON}) and of the order's company (else 422: an order cannot move a deal to another partner).
 */
@ApplicationScoped
public class LeadLinks {

    private final LeadRepository leads;

    public LeadLinks(LeadRepository leads) {
        this.leads = leads;
    }

    /** The WON lead, checked; {@code tenant} is the order's, or null to take the lead's. */
    public Lead requireWonLead(Caller caller, LeadId leadId, TenantRef tenant) {
        AccessPolicy.require(caller, Capability.LEADS_READ);
        Lead lead = leads.findById(leadId)
                .orElseThrow(() -> DomainException.notFound(ErrorCode.LEAD_NOT_FOUND, "Lead", leadId));
        AccessPolicy.requireInScope(caller, lead.tenant(), ErrorCode.LEAD_NOT_FOUND, "Lead", leadId.value());
        if (lead.status() != LeadStatus.WON) {
            throw new DomainException(
                    ErrorCode.LEAD_NOT_WON,
                    "Only a won lead can become an order; this lead is "
                            + lead.status().name().toLowerCase(Locale.ROOT),
                    List.of(new FieldViolation("lead_id", "lead is not won")));
        }
        if (tenant != null
                && lead.tenant().partnerId() != null
                && !Objects.equals(lead.tenant().partnerId(), tenant.partnerId())) {
            throw new DomainException(
                    ErrorCode.BUSINESS_RULE_VIOLATED,
                    "The lead belongs to another partner than the order",
                    List.of(new FieldViolation("lead_id", "belongs to another partner")));
        }
        return lead;
    }
}
