package com.tentabo.prm.adapters.rest.identity;

import java.util.List;

/** A keyset-paginated list: {@code {"items": [...], "next_cursor": "…" | null}}. */
public record PageResponse<T>(List<T> items, String nextCursor) { }
