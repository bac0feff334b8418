package com.tentabo.prm.application.notification;

import com.tentabo.prm.domain.id.AdminUserId;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.UserId;
import java.util.Objects;
import java.util.UUID;

/**
 * A group of people an event is addressed to; resolved to enabled people when the event happens. {@code id} is the
 * UUID of what the kind names (a partner, a distributor, a user or an admin account), given typed to the factories;
 * it stays a UUID here because its kind is the audience's {@code kind}.
 */
public record Audience(Kind kind, UUID id) {

    public enum Kind {
        /** Active admin accounts and enabled ADMIN and RESTRICTED_ADMIN users. */
        STAFF,
        /** Active admin accounts and enabled ADMIN users. */
        ADMINS,
        /** Enabled FULFILLER users. */
        FULFILLERS,
        /** Enabled users of one partner. */
        PARTNER_USERS,
        /** Enabled users of one distributor. */
        DISTRIBUTOR_USERS,
        /** Enabled users of the distributors one partner is assigned to (active assignments). */
        PARTNER_DISTRIBUTOR_USERS,
        /** One users row (an admin account's linked row reaches the admin account). */
        USER,
        /** One admin account. */
        ADMIN_ACCOUNT
    }

    public Audience {
        Objects.requireNonNull(kind, "kind");
        boolean needsId = kind == Kind.PARTNER_USERS
                || kind == Kind.DISTRIBUTOR_USERS
                || kind == Kind.PARTNER_DISTRIBUTOR_USERS
                || kind == Kind.USER
                || kind == Kind.ADMIN_ACCOUNT;
        if (needsId != (id != null)) {
            throw new IllegalArgumentException(kind + (needsId ? " needs an id" : " takes no id"));
        }
    }

    public static final Audience STAFF = new Audience(Kind.STAFF, null);
    public static final Audience ADMINS = new Audience(Kind.ADMINS, null);
    public static final Audience FULFILLERS = new Audience(Kind.FULFILLERS, null);

    public static Audience partnerUsers(PartnerId partnerId) {
        return new Audience(Kind.PARTNER_USERS, partnerId.value());
    }

    public static Audience distributorUsers(DistributorId distributorId) {
        return new Audience(Kind.DISTRIBUTOR_USERS, distributorId.value());
    }

    public static Audience distributorsOfPartner(PartnerId partnerId) {
        return new Audience(Kind.PARTNER_DISTRIBUTOR_USERS, partnerId.value());
    }

    public static Audience user(UserId userId) {
        return new Audience(Kind.USER, userId.value());
    }

    public static Audience adminAccount(AdminUserId adminUserId) {
        return new Audience(Kind.ADMIN_ACCOUNT, adminUserId.value());
    }
}
