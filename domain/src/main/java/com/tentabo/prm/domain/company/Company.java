package com.tentabo.prm.domain.company;

import com.tentabo.prm.domain.id.CompanyId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A partner ({@code Company<PartnerId>}, table {@code partners}) or a distributor ({@code Company<DistributorId>},
 * table {@code distributors}): the same record, its kind told by its id ({@link #kind()}). Invariants: a valid
 * {@link CompanyProfile}; an inactive company keeps its records but is meant to stop receiving new work;
 * {@code updatedAt} never precedes {@code createdAt}. What only one kind has (a distributor's partner assignments, a
 * partner's programme level) lives in its own records, not here.
 */
public record Company<I extends CompanyId>(
        I id, CompanyProfile profile, boolean active, Instant createdAt, Instant updatedAt) {

    public Company {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static <I extends CompanyId> Company<I> register(I id, CompanyProfile profile, boolean active, Instant at) {
        return new Company<>(id, profile, active, at, at);
    }

    public CompanyKind kind() {
        return CompanyKind.of(id);
    }

    public Company<I> revise(CompanyProfile newProfile, boolean nowActive, Instant at) {
        return new Company<>(id, newProfile, nowActive, createdAt, at);
    }

    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>(profile.asMap());
        map.put("is_active", active);
        return map;
    }
}
