package com.tentabo.prm.application.seams;

import com.tentabo.prm.application.audit.port.out.AuditLogRepository;
import com.tentabo.prm.application.fakes.InMemoryAudit;
import com.tentabo.prm.application.fakes.InMemoryLeadSync;
import com.tentabo.prm.application.fakes.InMemoryLeads;
import com.tentabo.prm.application.lead.port.out.LeadRepository;
import com.tentabo.prm.application.lead.port.out.LeadSyncRepository;
import java.util.UUID;

/** {@link LeadSyncRepositoryContract} against the in-memory fakes (the JPA/JDBC adapter runs it in bootstrap). */
class InMemoryLeadSyncTest extends LeadSyncRepositoryContract {
    final InMemoryLeads leads = new InMemoryLeads();
    final InMemoryAudit audit = new InMemoryAudit();
    final InMemoryLeadSync synced = new InMemoryLeadSync(leads, audit);

    @Override
    protected LeadSyncRepository synced() {
        return synced;
    }

    @Override
    protected LeadRepository leads() {
        return leads;
    }

    @Override
    protected AuditLogRepository audit() {
        return audit;
    }

    @Override
    protected UUID newUser() {
        return UUID.randomUUID();
    }
}
