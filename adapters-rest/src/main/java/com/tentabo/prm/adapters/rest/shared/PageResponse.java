package com.tentabo.prm.adapters.rest.shared;

import com.tentabo.prm.application.shared.Page;
import java.util.List;
import java.util.function.Function;

/** A page of a list: {@code {"items": [...], "next_cursor": "…" | null}}. */
public record PageResponse<T>(List<T> items, String nextCursor) {

    /** The page of records, each shown by {@code shown}. */
    public static <D, T> PageResponse<T> of(Page<D> page, Function<D, T> shown) {
        return new PageResponse<>(page.items().stream().map(shown).toList(), page.nextCursor());
    }
}
