package com.tentabo.prm.application.shared;

import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Optimistic concurrency for records without a version column (catalog, partners, distributors, leads): the ETag is the record's {@code updated_at} in microseconds; an
 * {@code If-Match} that no longer matches is a 412 {@code PRECONDITION_FAILED}.
 */
public final class Versions {

    private Versions() {
    }

    public static String etag(Instant updatedAt) {
        return "\"" + ChronoUnit.MICROS.between(Instant.EPOCH, updatedAt) + "\"";
    }

    /** Accepts {@code null} (no precondition), {@code *}, or the current ETag (weak or strong form). */
    public static void requireMatch(String ifMatch, Instant updatedAt) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        String current = etag(updatedAt);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(current)) {
                return;
            }
        }
        throw new DomainException(ErrorCode.PRECONDITION_FAILED,
                "The record changed since you read it (If-Match " + ifMatch.trim() + ", current " + current
                        + "); read it again and retry");
    }
}
