package com.tentabo.prm.domain.id;

import java.util.Objects;
import java.util.UUID;

/** The identifier of a password invitation or reset ({@code password_invitations}); never its token. */
public record InvitationId(UUID value) implements EntityId {

    public InvitationId {
        Objects.requireNonNull(value, "InvitationId");
    }

    /** The id of an optional reference: null for null. */
    public static InvitationId ofNullable(UUID value) {
        return value == null ? null : new InvitationId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
