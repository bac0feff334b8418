package com.tentabo.prm.adapters.rest.shared;

import com.tentabo.prm.domain.shared.DomainException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import java.time.Instant;

/**
 * {@code ETag}/{@code If-Match} for optimistic concurrency: responses carry the record's version as ETag — its version
 * column (orders, contracts) or, for tables without one, its {@code updated_at} ({@link #of(Instant)}).
 */
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

    /** The ETag of a record versioned by its {@code updated_at} (catalog, partners, distributors, leads). */
    public static EntityTag of(Instant updatedAt) {
        return new EntityTag(com.tentabo.prm.application.shared.Versions.etag(updatedAt).replace("\"", ""));
    }

    /** 200 with the body and the ETag of a record versioned by its {@code updated_at}. */
    public static Response ok(Object body, Instant updatedAt) {
        return Response.ok(body).tag(of(updatedAt)).build();
    }
}
