package com.tentabo.prm.application.shared;

import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import com.tentabo.prm.domain.shared.FieldViolation;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * An opaque keyset cursor: the sort key of the last item of a page and its id (the tie-breaker), encoded as
 * URL-safe base64. A cursor that cannot be decoded is a 400 {@code INVALID_CURSOR}, never a 500.
 */
public record Cursor(String key, UUID id) {

    /** Page sizes a list accepts ({@code limit}), and the one it uses when none is asked for. */
    public static final int MIN_LIMIT = 1;

    public static final int MAX_LIMIT = 200;
    public static final int DEFAULT_LIMIT = 50;
    /** The longest cursor a list accepts (this API's cursors are far shorter). */
    public static final int MAX_LENGTH = 2048;

    /** The cursor after an item of a list ordered by (created_at desc, id desc). */
    public static String after(java.time.Instant createdAt, UUID id) {
        return new Cursor(createdAt.toString(), id).encode();
    }

    /** The created_at sort key of a cursor made by {@link #after}; a 400 if it holds anything else. */
    public java.time.Instant createdAt() {
        try {
            return java.time.Instant.parse(key);
        } catch (java.time.format.DateTimeParseException e) {
            throw invalid();
        }
    }

    /** The whole-number sort key of a cursor (a list ordered by a unique number: durations by months); a 400 if not. */
    public int intKey() {
        try {
            return Integer.parseInt(key);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    public String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((key + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            if (raw.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            String text = new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.UTF_8);
            int bar = text.lastIndexOf('|');
            if (bar < 0) {
                throw new IllegalArgumentException("no separator");
            }
            return new Cursor(text.substring(0, bar), UUID.fromString(text.substring(bar + 1)));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    public static DomainException invalid() {
        return new DomainException(
                ErrorCode.INVALID_CURSOR,
                "The cursor is not one this API issued",
                List.of(new FieldViolation("cursor", "is invalid")));
    }

    /** The page size asked for, checked: 1–200, default 50. */
    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < MIN_LIMIT || requested > MAX_LIMIT) {
            throw DomainException.invalid("limit", "must be between " + MIN_LIMIT + " and " + MAX_LIMIT);
        }
        return requested;
    }
}
