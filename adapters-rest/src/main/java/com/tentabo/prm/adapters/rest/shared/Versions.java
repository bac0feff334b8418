package com.tentabo.prm.adapters.rest.shared;

import com.tentabo.prm.domain.shared.DomainException;

/** {@code ETag}/{@code If-Match} for optimistic concurrency: responses carry the record's version as ETag. */
public final class Versions {

    private Versions() {
    }

    /** The version an {@code If-Match} header names, or null when there is none (or it is {@code *}). */
    public static Long ifMatch(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        String value = header.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw DomainException.invalid("If-Match", "must be an ETag returned by this API");
        }
    }
}
