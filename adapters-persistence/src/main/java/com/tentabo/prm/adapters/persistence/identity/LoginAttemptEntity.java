package com.tentabo.prm.adapters.persistence.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of table {@code login_attempts} (V3), for throttling across instances. */
@Entity
@Table(name = "login_attempts")
public class LoginAttemptEntity {

    @Id
    @Column(name = "id", nullable = false)
    public UUID id;

    @Column(name = "username", nullable = false, length = 255)
    public String username;

    @Column(name = "ip_address", length = 45)
    public String ipAddress;

    @Column(name = "succeeded", nullable = false)
    public Boolean succeeded;

    @Column(name = "attempted_at", nullable = false)
    public Instant attemptedAt;
}
