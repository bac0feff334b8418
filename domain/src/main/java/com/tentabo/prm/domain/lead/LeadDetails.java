package com.tentabo.prm.domain.lead;

import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import com.tentabo.prm.domain.shared.FieldViolation;
import com.tentabo.prm.domain.shared.StoredRows;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a lead is about. Invariants: title, organization and contact name present; texts fit their columns;
 * contact email is an address; value is ≥ 0 with at most 2 decimals and fits NUMERIC(12,2) (scale normalised
 * to 2); currency is an ISO 4217 code (upper case) and is required when a value is given; probability 0–100.
 * Checked when built, except for rows read back from the database ({@link #stored}).
 */
public record LeadDetails(
        String title,
        String organization,
        String contactName,
        String contactEmail,
        String contactPhone,
        BigDecimal value,
        String currency,
        Integer probability,
        Instant expectedCloseDate) {

    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.[A-Za-z]{2,63}$");
    private static final BigDecimal MAX_VALUE = new BigDecimal("9999999999.99");

    /**
     * A CRM's lead under the PRM's rules (a violation names the field). A lead without an organization takes its
     * person's name, one without a person its organization's, and either falls back to the title ("Lead" and the
     * CRM's id when it has none), as the PRM requires all three; a currency counts only with a value; the expected
     * close date is the start of its day in UTC.
     */
    public static LeadDetails imported(
            String providerId,
            String title,
            String organization,
            String contactName,
            String contactEmail,
            String contactPhone,
            BigDecimal value,
            String currency,
            Integer probability,
            java.time.LocalDate expectedCloseDate) {
        String named = present(title) ? title : "Lead " + providerId;
        String company = present(organization) ? organization : present(contactName) ? contactName : named;
        String person = present(contactName) ? contactName : company;
        return new LeadDetails(
                named,
                company,
                person,
                contactEmail,
                contactPhone,
                value,
                value == null ? null : currency,
                probability,
                expectedCloseDate == null
                        ? null
                        : expectedCloseDate.atStartOfDay().toInstant(java.time.ZoneOffset.UTC));
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    public LeadDetails {
        if (!StoredRows.reading()) {
            List<FieldViolation> v = new ArrayList<>();
            title = required(v, "title", title, 255);
            organization = required(v, "organization", organization, 255);
            contactName = required(v, "contact_name", contactName, 255);
            contactEmail = optional(v, "contact_email", contactEmail, 255);
            if (contactEmail != null && !EMAIL.matcher(contactEmail).matches()) {
                v.add(new FieldViolation("contact_email", "must be an email address"));
            }
            contactPhone = optional(v, "contact_phone", contactPhone, 50);
            if (value != null) {
                if (value.signum() < 0) {
                    v.add(new FieldViolation("value", "must not be negative"));
                } else if (value.stripTrailingZeros().scale() > 2) {
                    v.add(new FieldViolation("value", "must have at most 2 decimals"));
                } else if (value.compareTo(MAX_VALUE) > 0) {
                    v.add(new FieldViolation("value", "must be at most " + MAX_VALUE.toPlainString()));
                } else {
                    value = value.setScale(2);
                }
            }
            currency = optional(v, "currency", currency, 3);
            if (currency != null) {
                currency = currency.toUpperCase(Locale.ROOT);
                if (!isIsoCurrency(currency)) {
                    v.add(new FieldViolation("currency", "must be an ISO 4217 currency code"));
                }
            } else if (value != null) {
                v.add(new FieldViolation("currency", "is required when a value is given"));
            }
            if (probability != null && (probability < 0 || probability > 100)) {
                v.add(new FieldViolation("probability", "must be between 0 and 100"));
            }
            if (!v.isEmpty()) {
                throw new DomainException(
                        ErrorCode.VALIDATION_FAILED,
                        v.stream()
                                .map(f -> f.field() + ": " + f.message())
                                .reduce((a, b) -> a + "; " + b)
                                .orElse(""),
                        v);
            }
        }
    }

    /**
     * Details as stored, read as they are: a row written by the system this one replaces may break today's rules (an
     * address that is not one, an unknown currency…) and must still load, list and show. The rules apply again when
     * the lead is changed ({@link Lead#revise} receives checked details).
     */
    public static LeadDetails stored(
            String title,
            String organization,
            String contactName,
            String contactEmail,
            String contactPhone,
            BigDecimal value,
            String currency,
            Integer probability,
            Instant expectedCloseDate) {
        return StoredRows.build(() -> new LeadDetails(
                title,
                organization,
                contactName,
                contactEmail,
                contactPhone,
                value,
                currency,
                probability,
                expectedCloseDate));
    }

    private static boolean isIsoCurrency(String code) {
        if (code.length() != 3 || !code.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String required(List<FieldViolation> v, String field, String value, int max) {
        String text = optional(v, field, value, max);
        if (text == null) {
            v.add(new FieldViolation(field, "must not be blank"));
        }
        return text;
    }

    private static String optional(List<FieldViolation> v, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > max) {
            v.add(new FieldViolation(field, "must be at most " + max + " characters"));
        }
        return text;
    }

    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("title", title);
        map.put("organization", organization);
        map.put("contact_name", contactName);
        map.put("contact_email", contactEmail);
        map.put("contact_phone", contactPhone);
        map.put("value", value);
        map.put("currency", currency);
        map.put("probability", probability);
        map.put("expected_close_date", expectedCloseDate);
        return map;
    }
}
