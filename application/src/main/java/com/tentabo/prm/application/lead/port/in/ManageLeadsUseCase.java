package com.tentabo.prm.application.lead.port.in;

import com.tentabo.prm.application.shared.Created;
import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.application.shared.IdempotencyKey;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.lead.Lead;
import com.tentabo.prm.domain.lead.LeadDetails;
import com.tentabo.prm.domain.lead.LeadStatus;
import com.tentabo.prm.domain.lead.StatusChange;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Leads in the caller's scope: create, read, list, update, reassign, delete, move along the pipeline (conversion into
 * an order: {@code PlaceOrderUseCase.convertLead}).
 *
 * <p>Changes take an an {@code ExpectedVersion} (the {@code If-Match} header): the lead's version as read;
 * when the lead changed since, 412 {@code PRECONDITION_FAILED}. The lead is locked while it is checked and changed.
 */
public interface ManageLeadsUseCase {

    record CreateLead(LeadDetails details, UserId ownerId, PartnerId partnerId, DistributorId distributorId) {}

    record ListLeads(
            Set<LeadStatus> statuses,
            UserId ownerId,
            PartnerId partnerId,
            DistributorId distributorId,
            Instant closeFrom,
            Instant closeTo,
            String provider,
            String search,
            Integer limit,
            String cursor) {}

    /** Creates; with an Idempotency-Key, a retry of the same request answers the first lead ({@code replayed}). */
    Created<Lead> create(Caller caller, CreateLead command, IdempotencyKey idempotencyKey);

    Lead get(Caller caller, LeadId id);

    Page<Lead> list(Caller caller, ListLeads query);

    /**
     * A board: the newest {@code perColumn} leads of each status of {@code columns} in the caller's scope (of one
     * partner when {@code partnerId} is given), each column with the cursor of its next page when it holds more.
     */
    Map<LeadStatus, Page<Lead>> board(Caller caller, List<LeadStatus> columns, PartnerId partnerId, int perColumn);

    Lead update(Caller caller, LeadId id, LeadDetails details, ExpectedVersion expected);

    Lead reassign(Caller caller, LeadId id, UserId newOwnerId, ExpectedVersion expected);

    void delete(Caller caller, LeadId id, ExpectedVersion expected);

    Lead changeStatus(Caller caller, LeadId id, LeadStatus target, String reason, ExpectedVersion expected);

    List<StatusChange> history(Caller caller, LeadId id);
}
