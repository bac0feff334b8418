package com.tentabo.prm.application.identity.port.out;

import com.tentabo.prm.domain.identity.AdminUser;

import java.util.Optional;
import java.util.UUID;

/** The {@code admin_users} table. */
public interface AdminUserRepository {
    boolean anyExists();

    Optional<AdminUser> findById(UUID id);

    Optional<AdminUser> findByUsername(String username);

    /** Inserts or updates. */
    void save(AdminUser adminUser);
}
