package com.tentabo.prm.adapters.rest.shared;

import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.domain.shared.DomainException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Arrays;

/**
 * {@code ETag}/{@code If-Match} for optimistic concurrency, the one place the REST adapter reads and writes them:
 * responses carry the record's version as ETag — its version column (orders, contracts) or, for tables without one,
 * its {@code updated_at} ({@link #of(Instant)}) — and an {@code If-Match} header is parsed once here into the
 * {@link ExpectedVersion} the use case checks.
 */
public final class Versions {

    private Versions() {}

    /**
     * The versions an {@code If-Match} header names, for records versioned by their {@code updated_at}: a list of
     * entity tags, weak ({@code W/}) or strong; none, blank or {@code *} is no precondition.
     */
    public static ExpectedVersion ifMatch(String header) {
        if (noPrecondition(header)) {
            return ExpectedVersion.any();
        }
        return ExpectedVersion.ofTags(Arrays.stream(header.split(","))
                .map(String::trim)
                .map(Versions::strong)
                .toList());
    }

    /**
     * The version an {@code If-Match} header names, for records with a version column (orders, contracts): one
     * number, quoted or not, weak or strong; anything else is 400. None, blank or {@code *} is no precondition.
     */
    public static ExpectedVersion ifMatchVersion(String header) {
        if (noPrecondition(header)) {
            return ExpectedVersion.any();
        }
        try {
            return ExpectedVersion.of(Long.parseLong(strong(header.trim()).replace("\"", "")));
        } catch (NumberFormatException e) {
            throw DomainException.invalid("If-Match", "must be an ETag returned by this API");
        }
    }

    /** The ETag of a record versioned by its {@code updated_at} (catalog, partners, distributors, leads). */
    public static EntityTag of(Instant updatedAt) {
        return new EntityTag(ExpectedVersion.tagOf(updatedAt).replace("\"", ""));
    }

    /** 200 with the body and the ETag of a record versioned by its {@code updated_at}. */
    public static Response ok(Object body, Instant updatedAt) {
        return Response.ok(body).tag(of(updatedAt)).build();
    }

    private static boolean noPrecondition(String header) {
        return header == null || header.isBlank() || header.trim().equals("*");
    }

    private static String strong(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
