package com.tentabo.prm.application.provider;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Where a CRM lead sync starts: the leads changed since {@code since} (all of them when null), in change order,
 * skipping the first {@code skip} of them — the leads of that same second an earlier run already queued. Kept in the
 * sync log's {@code cursor} as {@code <since>|<skip>} ({@code 2026-11-20T09:00:00Z|3}; {@code |0} is "from the
 * beginning").
 * <p>
 * A run that stops resumes after the last lead it queued rather than at a page offset: leads changed between the two
 * runs move to the end of the list, so an offset would skip as many leads as changed; a change time does not move.
 * The CRM filters by whole seconds, so leads of the same second as the last one queued are counted in {@code skip}.
 */
public record LeadCursor(Instant since, int skip) {

    public LeadCursor {
        since = since == null ? null : since.truncatedTo(ChronoUnit.SECONDS);
        if (skip < 0) {
            throw new IllegalArgumentException("skip must not be negative");
        }
    }

    /** The cursor a run recorded, empty when it is not one (a row written by hand or by another version). */
    public static Optional<LeadCursor> parse(String text) {
        int bar = text == null ? -1 : text.lastIndexOf('|');
        if (bar < 0) {
            return Optional.empty();
        }
        try {
            Instant since = bar == 0 ? null : Instant.parse(text.substring(0, bar));
            return Optional.of(new LeadCursor(since, Integer.parseInt(text.substring(bar + 1))));
        } catch (DateTimeParseException | IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    public String format() {
        return (since == null ? "" : since.toString()) + "|" + skip;
    }

    /** Follows a run from this cursor, lead by lead, to say where the next run resumes. */
    public Progress progress() {
        return new Progress(since, skip);
    }

    public static final class Progress {
        private Instant watermark;
        private int atWatermark;

        private Progress(Instant watermark, int atWatermark) {
            this.watermark = watermark;
            this.atWatermark = atWatermark;
        }

        /** A lead was queued (or found already queued): leads come oldest change first. */
        public void handled(CrmLeadPage.Change change) {
            if (change.updatedAt() == null) {
                return;
            }
            Instant second = change.updatedAt().truncatedTo(ChronoUnit.SECONDS);
            if (watermark == null || second.isAfter(watermark)) {
                watermark = second;
                atWatermark = 1;
            } else if (second.equals(watermark)) {
                atWatermark++;
            }
        }

        public LeadCursor resumePoint() {
            return new LeadCursor(watermark, atWatermark);
        }
    }
}
