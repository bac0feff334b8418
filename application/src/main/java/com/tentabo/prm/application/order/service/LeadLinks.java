package com.tentabo.prm.application.order.service;

import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.TenantRef;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Checks the lead an order is placed for. Leads arrive with the leads issue; until then no lead can be named. */
@ApplicationScoped
public class LeadLinks {

    public UUID requireOrderableLead(Caller caller, UUID leadId, TenantRef tenant) {
        throw DomainException.notFound(ErrorCode.LEAD_NOT_FOUND, "Lead", leadId);
    }
}
