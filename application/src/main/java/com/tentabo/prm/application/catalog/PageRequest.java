package com.tentabo.prm.application.catalog;

import com.tentabo.prm.domain.shared.DomainException;

/** A page size (1–200, default 50) and the opaque cursor returned by the previous page, if any. */
public record PageRequest(int limit, String cursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw DomainException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        cursor = cursor == null || cursor.isBlank() ? null : cursor;
    }

    public static PageRequest of(Integer limit, String cursor) {
        return new PageRequest(limit == null ? DEFAULT_LIMIT : limit, cursor);
    }
}
