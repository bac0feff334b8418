package com.tentabo.prm.adapters.persistence.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of table {@code api_keys} (V3). Never holds the key itself, only its SHA-256 hash. */
@Entity
@Table(name = "api_keys")
public class ApiKeyEntity {

    @Id
    @Column(name = "id", nullable = false)
    public UUID id;

    @Column(name = "name", nullable = false, length = 100)
    public String name;

    @Column(name = "prefix", nullable = false, length = 16)
    public String prefix;

    @Column(name = "key_hash", nullable = false, length = 64)
    public String keyHash;

    @Column(name = "owner_user_id")
    public UUID ownerUserId;

    @Column(name = "owner_admin_user_id")
    public UUID ownerAdminUserId;

    /** Comma-separated lower-case scopes, e.g. {@code read,write}. */
    @Column(name = "scopes", nullable = false, length = 50)
    public String scopes;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
