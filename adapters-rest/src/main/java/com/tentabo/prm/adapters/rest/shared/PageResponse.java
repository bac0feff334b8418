package com.tentabo.prm.adapters.rest.shared;

import java.util.List;

/** A page of a list: {@code {"items": [...], "next_cursor": "…" | null}}. */
public record PageResponse<T>(List<T> items, String nextCursor) { }
