package com.tentabo.prm.application.identity.service;

import com.tentabo.prm.domain.shared.DomainException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** Opaque keyset cursors: the (created_at, id) of the last row of a page. */
final class Cursors {

    record Position(Instant createdAt, UUID id) { }

    private Cursors() {
    }

    static String encode(Instant createdAt, UUID id) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((createdAt.toString() + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    static Position decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            if (cursor.length() > 200) {
                throw new IllegalArgumentException("too long");
            }
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            return new Position(Instant.parse(text.substring(0, bar)), UUID.fromString(text.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw DomainException.invalid("cursor", "is not a cursor returned by this list");
        }
    }

    static int limit(int requested) {
        if (requested < 1 || requested > 200) {
            throw DomainException.invalid("limit", "must be between 1 and 200");
        }
        return requested;
    }
}
