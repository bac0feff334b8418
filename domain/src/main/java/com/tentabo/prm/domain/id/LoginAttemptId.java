package com.tentabo.prm.domain.id;

import java.util.Objects;
import java.util.UUID;

/** The identifier of one recorded sign-in attempt ({@code login_attempts}). */
public record LoginAttemptId(UUID value) implements EntityId {

    public LoginAttemptId {
        Objects.requireNonNull(value, "LoginAttemptId");
    }

    /** The id of an optional reference: null for null. */
    public static LoginAttemptId ofNullable(UUID value) {
        return value == null ? null : new LoginAttemptId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
