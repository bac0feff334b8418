package com.tentabo.prm.application.catalog;

import com.tentabo.prm.domain.shared.DomainException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** Opaque keyset cursors: base64url of the sort key of the last item of a page. A tampered cursor is a 400. */
public final class Cursors {

    private Cursors() {
    }

    /** Position after an item ordered by (created_at desc, id desc). */
    public record CreatedAtId(Instant createdAt, UUID id) { }

    public static String encode(Instant createdAt, UUID id) {
        return encode(createdAt.toString() + "|" + id);
    }

    public static CreatedAtId createdAtId(String cursor) {
        String raw = decode(cursor);
        int bar = raw.indexOf('|');
        try {
            return new CreatedAtId(Instant.parse(raw.substring(0, bar)), UUID.fromString(raw.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    public static String encode(int key) {
        return encode(Integer.toString(key));
    }

    public static int intKey(String cursor) {
        try {
            return Integer.parseInt(decode(cursor));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static String encode(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        if (cursor.length() > 200) {
            throw invalid();
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static DomainException invalid() {
        return DomainException.invalid("cursor", "is not a cursor returned by this list");
    }
}
