package com.tentabo.prm.application.shared;

import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The version of a record a caller read and now changes (optimistic concurrency): parsed once by the inbound adapter
 * — the REST {@code If-Match} header, the console form's {@code version} field — and checked by the use case against
 * the record it locked. {@link #any()} (no header, {@code *}, an empty field) checks nothing: the last writer wins.
 *
 * <p>A version is an entity tag in its strong, quoted form: {@code "7"} for records with a version column (orders,
 * contracts), the record's {@code updated_at} in microseconds since the epoch for the others ({@link #tagOf(Instant)}).
 * A change naming versions none of which is current is a 412 {@code PRECONDITION_FAILED}.
 */
public final class ExpectedVersion {

    private static final ExpectedVersion ANY = new ExpectedVersion(List.of());

    private final List<String> tags;

    private ExpectedVersion(List<String> tags) {
        this.tags = List.copyOf(tags);
    }

    /** No precondition. */
    public static ExpectedVersion any() {
        return ANY;
    }

    /** The version column value the caller read; {@code null} is {@link #any()}. */
    public static ExpectedVersion of(Long version) {
        return version == null ? ANY : new ExpectedVersion(List.of(quoted(Long.toString(version))));
    }

    /** Entity tags in their strong, quoted form (the adapter removed {@code W/}); none is {@link #any()}. */
    public static ExpectedVersion ofTags(List<String> tags) {
        return tags.isEmpty() ? ANY : new ExpectedVersion(tags);
    }

    /** One entity tag as a console form posts it back; {@code null} or blank is {@link #any()}. */
    public static ExpectedVersion ofTag(String tag) {
        return tag == null || tag.isBlank() ? ANY : new ExpectedVersion(List.of(tag.strip()));
    }

    /** The version of a record versioned by its {@code updated_at}, as read at {@code updatedAt}. */
    public static ExpectedVersion at(Instant updatedAt) {
        return new ExpectedVersion(List.of(tagOf(updatedAt)));
    }

    /** The entity tag of a record versioned by its {@code updated_at}: its microseconds since the epoch, quoted. */
    public static String tagOf(Instant updatedAt) {
        return quoted(Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, updatedAt)));
    }

    public boolean isAny() {
        return tags.isEmpty();
    }

    /** True when there is no precondition or it names {@code version} (records with a version column). */
    public boolean matches(long version) {
        return isAny() || tags.contains(quoted(Long.toString(version)));
    }

    /** Throws 412 {@code PRECONDITION_FAILED} unless there is no precondition or it names the record's version. */
    public void requireMatch(Instant updatedAt) {
        String current = tagOf(updatedAt);
        if (isAny() || tags.contains(current)) {
            return;
        }
        throw new DomainException(
                ErrorCode.PRECONDITION_FAILED,
                "The record changed since you read it (If-Match " + String.join(", ", tags) + ", current " + current
                        + "); read it again and retry");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExpectedVersion that && tags.equals(that.tags);
    }

    @Override
    public int hashCode() {
        return tags.hashCode();
    }

    @Override
    public String toString() {
        return isAny() ? "*" : String.join(", ", tags);
    }

    private static String quoted(String value) {
        return "\"" + value + "\"";
    }
}
