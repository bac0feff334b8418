package com.tentabo.prm.domain.company;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A distributor company (table {@code distributors}). Invariants: a valid {@link CompanyProfile}; an inactive distributor keeps
 * its records but is meant to stop receiving new work; {@code updatedAt} never precedes {@code createdAt}.
 */
public record Distributor(UUID id, CompanyProfile profile, boolean active, Instant createdAt, Instant updatedAt) {

    public Distributor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static Distributor register(UUID id, CompanyProfile profile, boolean active, Instant at) {
        return new Distributor(id, profile, active, at, at);
    }

    public Distributor revise(CompanyProfile newProfile, boolean nowActive, Instant at) {
        return new Distributor(id, newProfile, nowActive, createdAt, at);
    }

    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>(profile.asMap());
        map.put("is_active", active);
        return map;
    }
}
