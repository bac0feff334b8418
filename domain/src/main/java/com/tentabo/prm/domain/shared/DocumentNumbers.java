package com.tentabo.prm.domain.shared;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Human-readable document numbers {@code PREFIX-YYYYMMDD-NNNNNN}: the date of creation (UTC) and a number from a
 * database sequence, zero-padded to six digits (more digits once a sequence passes 999,999 — never a collision).
 */
public final class DocumentNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private DocumentNumbers() {}

    public static String order(LocalDate day, long sequence) {
        return format("ORD", day, sequence);
    }

    public static String contract(LocalDate day, long sequence) {
        return format("CNT", day, sequence);
    }

    private static String format(String prefix, LocalDate day, long sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence values start at 1");
        }
        return prefix + "-" + DAY.format(day) + "-" + String.format(java.util.Locale.ROOT, "%06d", sequence);
    }
}
