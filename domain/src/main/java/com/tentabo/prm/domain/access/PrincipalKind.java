package com.tentabo.prm.domain.access;

/** Who authenticated: a local admin account ({@code admin_users}) or a provider user ({@code users}). */
public enum PrincipalKind {
    ADMIN_USER,
    USER
}
