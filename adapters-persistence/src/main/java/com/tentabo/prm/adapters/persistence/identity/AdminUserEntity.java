package com.tentabo.prm.adapters.persistence.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of table {@code admin_users} (seed schema 1.0.0). Mapped to the domain by hand in the repository adapter. */
@Entity
@Table(name = "admin_users")
public class AdminUserEntity {

    @Id
    @Column(name = "id", nullable = false)
    public UUID id;

    @Column(name = "username", nullable = false, length = 100)
    public String username;

    @Column(name = "password_hash", nullable = false, length = 255)
    public String passwordHash;

    @Column(name = "email", nullable = false, length = 255)
    public String email;

    @Column(name = "full_name", length = 255)
    public String fullName;

    @Column(name = "is_active", nullable = false)
    public Boolean isActive;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "last_login")
    public Instant lastLogin;
}
