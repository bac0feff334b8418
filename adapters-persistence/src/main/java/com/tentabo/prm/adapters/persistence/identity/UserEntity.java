package com.tentabo.prm.adapters.persistence.identity;

import com.tentabo.prm.domain.access.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Row of table {@code users} (seed schema 1.0.0). Mapped to the domain by hand in the repository adapter. */
@Entity
@Table(name = "users")
public class UserEntity {

    @Id
    @Column(name = "id", nullable = false)
    public UUID id;

    @Column(name = "provider", nullable = false, length = 50)
    public String provider;

    @Column(name = "provider_id", nullable = false, length = 255)
    public String providerId;

    @Column(name = "email", nullable = false, length = 255)
    public String email;

    @Column(name = "full_name", length = 255)
    public String fullName;

    @Column(name = "username", length = 100)
    public String username;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "role", nullable = false, columnDefinition = "userrole")
    public Role role;

    @Column(name = "is_enabled", nullable = false)
    public Boolean isEnabled;

    @Column(name = "enabled_by")
    public UUID enabledBy;

    @Column(name = "enabled_at")
    public Instant enabledAt;

    @Column(name = "partner_id")
    public UUID partnerId;

    @Column(name = "distributor_id")
    public UUID distributorId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "last_login")
    public Instant lastLogin;
}
