package com.tentabo.prm.domain.provider;

/** The kinds of pluggable provider (database enum {@code providertype}). */
public enum ProviderType {
    AUTH,
    CRM,
    BILLING
}
