package com.tentabo.prm.application.shared;

import java.util.List;

/** One page of a keyset-paginated list: the items and the opaque cursor of the next page (null on the last page). */
public record Page<T>(List<T> items, String nextCursor) {
    public Page {
        items = List.copyOf(items);
    }
}
