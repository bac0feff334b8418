package com.tentabo.prm.domain.access;

/** What a credential may do at all, on top of the role: API keys may be limited to reading. */
public enum ApiScope {
    READ,
    WRITE
}
