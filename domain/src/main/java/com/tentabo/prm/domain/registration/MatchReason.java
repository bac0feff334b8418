package com.tentabo.prm.domain.registration;

/** Why another partner's record matched a registration's customer. */
public enum MatchReason {
    /** Same normalised registration number (SIREN, or VAT number). */
    REGISTRATION_NUMBER,
    /** Same e-mail or web domain, subdomains folded, public mail domains ignored. */
    DOMAIN,
    /** Same normalised organisation name. */
    NAME,
    /** Organisation names whose trigram similarity is above the configured threshold. */
    SIMILAR_NAME
}
