package com.tentabo.prm.application.identity.port.out;

import com.tentabo.prm.domain.id.AdminUserId;
import com.tentabo.prm.domain.identity.AdminUser;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code admin_users} table. */
public interface AdminUserRepository {
    boolean anyExists();

    Optional<AdminUser> findById(AdminUserId id);

    /** The account, its row locked until the transaction ends. */
    Optional<AdminUser> findByIdForUpdate(AdminUserId id);

    Optional<AdminUser> findByUsername(String username);

    /** Inserts or updates. */
    void save(AdminUser adminUser);

    long countActive();

    /** Admin accounts, newest first (ties by id), after the (createdAt, id) position when given. */
    List<AdminUser> list(Instant afterCreatedAt, AdminUserId afterId, int limit);

    /** Case-insensitive, for uniqueness checks. */
    boolean usernameTaken(String username);
}
