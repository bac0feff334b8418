package com.tentabo.prm.adapters.web.support;

import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import com.tentabo.prm.domain.shared.FieldViolation;
import jakarta.ws.rs.core.MultivaluedMap;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the text fields of a posted form into typed values. A value that cannot be read (a letter in an amount) is
 * collected as a field violation; {@link #check()} then refuses them all at once, as the API does, before the
 * domain's own rules run on the values that could be read.
 */
public final class FormValues {

    /** Longest text accepted from any field; the domain's rules say more for each one. */
    static final int MAX_TEXT = 10_000;

    private final MultivaluedMap<String, String> form;
    private final List<FieldViolation> violations = new ArrayList<>();

    public FormValues(MultivaluedMap<String, String> form) {
        this.form = form;
    }

    /** The trimmed text, or null when blank. */
    public String text(String name) {
        String value = form == null ? null : form.getFirst(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            violations.add(new FieldViolation(name, "is too long"));
            return null;
        }
        return value.trim();
    }

    public List<String> all(String name) {
        List<String> values = form == null ? null : form.get(name);
        return values == null ? List.of() : values;
    }

    public BigDecimal decimal(String name) {
        String text = text(name);
        if (text == null) {
            return null;
        }
        String normalised = text.replace('\u00a0', ' ')
                .replace('\u202f', ' ')
                .replace(" ", "")
                .replace(',', '.');
        if (normalised.length() > 20 || !normalised.matches("-?\\d+(\\.\\d+)?")) {
            violations.add(new FieldViolation(name, "must be a number"));
            return null;
        }
        return new BigDecimal(normalised);
    }

    public Integer integer(String name) {
        String text = text(name);
        if (text == null) {
            return null;
        }
        if (!text.matches("-?\\d{1,9}")) {
            violations.add(new FieldViolation(name, "must be a whole number"));
            return null;
        }
        return Integer.valueOf(text);
    }

    public Long quantity(String name) {
        String text = text(name);
        if (text == null) {
            return null;
        }
        if (!text.matches("-?\\d{1,18}")) {
            violations.add(new FieldViolation(name, "must be a whole number"));
            return null;
        }
        return Long.valueOf(text);
    }

    /**
     * The {@code version} field a form posts back: the entity tag of a record versioned by its {@code updated_at}
     * as the page rendered it ({@link ExpectedVersion#tagOf}); blank is no precondition.
     */
    public ExpectedVersion version() {
        return ExpectedVersion.ofTag(text("version"));
    }

    /** The {@code version} field of a record with a version column (orders, contracts): a whole number or blank. */
    public ExpectedVersion versionNumber() {
        return ExpectedVersion.of(quantity("version"));
    }

    /** A {@code yyyy-MM-dd} date, as the start of that day in UTC. */
    public Instant date(String name) {
        String text = text(name);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(name, "must be a date (yyyy-mm-dd)"));
            return null;
        }
    }

    /** Refuses the form when a value could not be read. */
    public void check() {
        if (!violations.isEmpty()) {
            throw new DomainException(
                    ErrorCode.VALIDATION_FAILED, "Some values could not be read", List.copyOf(violations));
        }
    }
}
