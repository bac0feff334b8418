package com.tentabo.prm.application.registration.port.out;

import com.tentabo.prm.application.registration.HistoryEntry;
import com.tentabo.prm.application.registration.Match;
import com.tentabo.prm.application.registration.OrderFlag;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.TenantScope;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.RegistrationId;
import com.tentabo.prm.domain.registration.ConflictKind;
import com.tentabo.prm.domain.registration.Registration;
import com.tentabo.prm.domain.registration.RegistrationStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Registrations, their history, the conflict search and the orders flagged against them. */
public interface RegistrationRepository {

    /** What a registration's customer is searched by; null keys are not searched. */
    record CustomerSearch(
            String organizationKey,
            String registrationKey,
            String domainKey,
            PartnerId ownerPartnerId,
            DistributorId ownerDistributorId,
            BigDecimal similarityThreshold) {}

    /** Filters of the list; null means any. */
    record Filter(
            Set<RegistrationStatus> statuses,
            PartnerId partnerId,
            LeadId leadId,
            ConflictKind conflict,
            Integer limit,
            String cursor) {}

    void insert(Registration registration);

    /** Writes the new state if the row still has {@code expectedVersion}; false when another change won. */
    boolean update(Registration registration, long expectedVersion);

    Optional<Registration> findById(RegistrationId id);

    Optional<Registration> findByIdForUpdate(RegistrationId id);

    /** The lead's registration that is neither REJECTED nor EXPIRED, if any. */
    Optional<Registration> findLiveForLead(LeadId leadId);

    /** The lead's newest registration, whatever its status. */
    Optional<Registration> findLatestForLead(LeadId leadId);

    Page<Registration> list(Filter filter, TenantScope scope);

    void appendHistory(HistoryEntry entry);

    List<HistoryEntry> history(RegistrationId registrationId);

    /**
     * Other owners' open leads, live registrations (SUBMITTED, RETURNED, APPROVED) and ACTIVE contracts whose
     * customer matches: same registration key, same domain key, same organisation key, or (when trigram search is
     * available) organisation keys more similar than the threshold. "Other" means another partner (or, for a
     * distributor's own record, another distributor). At most 100 matches, the strongest first.
     */
    List<Match> matches(CustomerSearch search);

    /** Whether near matches by trigram similarity are available (pg_trgm installed). */
    boolean trigramSearchAvailable();

    /** APPROVED registrations whose protection ended by {@code now}: moved to EXPIRED, exactly once each; their ids. */
    List<RegistrationId> expireDue(Instant now);

    void linkOrder(RegistrationId registrationId, OrderId orderId);

    void flagOrder(OrderId orderId, RegistrationId registrationId, Instant at);

    /** The orders placed from the registration (its lead converted while protected). */
    List<OrderId> ordersOf(RegistrationId registrationId);

    /** Other partners' orders flagged against the registration. */
    List<OrderId> flaggedOrders(RegistrationId registrationId);

    /**
     * The review queue: SUBMITTED registrations, the strongest conflict finding first (conflict, incumbent, overlap,
     * none), then the oldest submission first; keyset pages.
     */
    Page<Registration> awaitingDecision(int limit, String cursor);

    /** APPROVED registrations whose extension request waits for staff, the oldest request first; at most {@code limit}. */
    List<Registration> extensionRequests(int limit);

    /** The orders flagged against protected registrations, the newest flag first; at most {@code limit}. */
    List<OrderFlag> recentOrderFlags(int limit);
}
