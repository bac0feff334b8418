package com.tentabo.prm.application.company.port.out;

import com.tentabo.prm.application.company.CompanyQuery;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.company.Company;
import com.tentabo.prm.domain.id.CompanyId;
import java.util.Optional;
import java.util.Set;

/**
 * Stores the companies of one kind: partners ({@link PartnerRepository}, table {@code partners}) or distributors
 * ({@link DistributorRepository}, table {@code distributors}).
 */
public interface CompanyRepository<I extends CompanyId> {
    Optional<Company<I>> findById(I id);

    /** The company, its row locked until the transaction ends. */
    Optional<Company<I>> findByIdForUpdate(I id);

    /** Another company of this kind (not {@code exceptId}) already carries this registration number. */
    boolean registrationNumberTaken(String registrationNumber, I exceptId);

    void save(Company<I> company);

    void delete(I id);

    /** The company has users, leads, orders or contracts (then it may only be deactivated). */
    boolean hasBusinessRecords(I id);

    /** Ordered by name then id; {@code onlyIds} null means no restriction. */
    Page<Company<I>> list(CompanyQuery query, Set<I> onlyIds);
}
