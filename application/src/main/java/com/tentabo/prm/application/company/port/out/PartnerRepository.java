package com.tentabo.prm.application.company.port.out;

import com.tentabo.prm.application.company.CompanyQuery;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.company.Partner;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Stores partners ({@code partners}). */
public interface PartnerRepository {
    Optional<Partner> findById(UUID id);

    /** The partner, its row locked until the transaction ends. */
    Optional<Partner> findByIdForUpdate(UUID id);

    /** Another partner (not {@code exceptId}) already carries this registration number. */
    boolean registrationNumberTaken(String registrationNumber, UUID exceptId);

    void save(Partner partner);

    void delete(UUID id);

    /** The partner has leads, orders or contracts (then it may only be deactivated). */
    boolean hasBusinessRecords(UUID id);

    /** Ordered by name then id; {@code onlyIds} null means no restriction. */
    Page<Partner> list(CompanyQuery query, Set<UUID> onlyIds);
}
