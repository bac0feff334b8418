package com.tentabo.prm.application.provider;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One page of the billing provider's change feed of quotes, oldest change first; {@code next} is the cursor of the
 * following page, null on the last.
 */
public record QuoteChangePage(List<Change> changes, String next) {

    public QuoteChangePage {
        changes = List.copyOf(changes);
    }

    /** A quote inserted, updated or deleted ({@code operation}) at {@code processedAt}. */
    public record Change(String quoteId, String operation, Instant processedAt) {
        public Change {
            Objects.requireNonNull(quoteId, "quoteId");
        }

        public boolean deleted() {
            return "delete".equalsIgnoreCase(operation);
        }
    }
}
