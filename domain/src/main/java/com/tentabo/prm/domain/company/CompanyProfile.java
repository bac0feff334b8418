package com.tentabo.prm.domain.company;

import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import com.tentabo.prm.domain.shared.FieldViolation;
import com.tentabo.prm.domain.shared.StoredRows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The descriptive fields shared by partners and distributors (seed columns of {@code partners} and
 * {@code distributors}). Invariants: name present; every value fits its column; email is one address
 * ({@code local@domain.tld}); website is an absolute {@code http(s)} URL with a host; the registration number is
 * trimmed, upper-cased and made of letters, digits, spaces, dots, slashes and dashes. Blank optional values are null.
 * A profile read from the database ({@link #stored}) is taken as stored, without these rules.
 */
public record CompanyProfile(
        String name,
        String legalName,
        String registrationNumber,
        String email,
        String phone,
        String website,
        String addressLine1,
        String addressLine2,
        String city,
        String postalCode,
        String country,
        String notes) {

    public static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.[A-Za-z]{2,63}$");
    private static final Pattern WEBSITE = Pattern.compile(
            "^https?://[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+(?::\\d{1,5})?(?:[/?#][^\\s]*)?$");
    private static final Pattern REGISTRATION = Pattern.compile("^[A-Z0-9][A-Z0-9 ./-]*$");
    private static final Pattern PHONE = Pattern.compile("^[+0-9 ().-]{3,50}$");

    public CompanyProfile {
        if (!StoredRows.reading()) {
            List<FieldViolation> violations = new ArrayList<>();
            name = text(name);
            if (name == null) {
                violations.add(new FieldViolation("name", "must not be blank"));
            }
            legalName = text(legalName);
            registrationNumber = text(registrationNumber);
            if (registrationNumber != null) {
                registrationNumber = registrationNumber.toUpperCase(Locale.ROOT);
                if (!REGISTRATION.matcher(registrationNumber).matches()) {
                    violations.add(new FieldViolation(
                            "registration_number", "may contain only letters, digits, spaces, '.', '/' and '-'"));
                }
            }
            email = text(email);
            if (email != null && !EMAIL.matcher(email).matches()) {
                violations.add(new FieldViolation("email", "must be an email address"));
            }
            phone = text(phone);
            if (phone != null && !PHONE.matcher(phone).matches()) {
                violations.add(new FieldViolation("phone", "must be a phone number (digits, spaces, + ( ) . -)"));
            }
            website = text(website);
            if (website != null && !WEBSITE.matcher(website).matches()) {
                violations.add(new FieldViolation("website", "must be an http or https URL"));
            }
            addressLine1 = text(addressLine1);
            addressLine2 = text(addressLine2);
            city = text(city);
            postalCode = text(postalCode);
            country = text(country);
            notes = text(notes);
            max(violations, "name", name, 255);
            max(violations, "legal_name", legalName, 255);
            max(violations, "registration_number", registrationNumber, 100);
            max(violations, "email", email, 255);
            max(violations, "phone", phone, 50);
            max(violations, "website", website, 255);
            max(violations, "address_line1", addressLine1, 255);
            max(violations, "address_line2", addressLine2, 255);
            max(violations, "city", city, 100);
            max(violations, "postal_code", postalCode, 20);
            max(violations, "country", country, 100);
            max(violations, "notes", notes, 10_000);
            if (!violations.isEmpty()) {
                throw new DomainException(
                        ErrorCode.VALIDATION_FAILED,
                        violations.stream()
                                .map(v -> v.field() + ": " + v.message())
                                .reduce((a, b) -> a + "; " + b)
                                .orElse(""),
                        violations);
            }
        }
    }

    /**
     * A profile as stored: the replaced system let in blank names, addresses that are not e-mail addresses, bare host
     * names as websites, free-form phone and registration numbers, long notes. Such a row loads, lists and shows as it
     * is; a change ({@code PUT}) builds a checked profile, so the rules apply to every value it writes.
     */
    public static CompanyProfile stored(
            String name,
            String legalName,
            String registrationNumber,
            String email,
            String phone,
            String website,
            String addressLine1,
            String addressLine2,
            String city,
            String postalCode,
            String country,
            String notes) {
        return StoredRows.build(() -> new CompanyProfile(
                name,
                legalName,
                registrationNumber,
                email,
                phone,
                website,
                addressLine1,
                addressLine2,
                city,
                postalCode,
                country,
                notes));
    }

    private static String text(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static void max(List<FieldViolation> violations, String field, String value, int max) {
        if (value != null && value.length() > max) {
            violations.add(new FieldViolation(field, "must be at most " + max + " characters"));
        }
    }

    /** The fields as the audit log records them (snake_case names). */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("legal_name", legalName);
        map.put("registration_number", registrationNumber);
        map.put("email", email);
        map.put("phone", phone);
        map.put("website", website);
        map.put("address_line1", addressLine1);
        map.put("address_line2", addressLine2);
        map.put("city", city);
        map.put("postal_code", postalCode);
        map.put("country", country);
        map.put("notes", notes);
        return map;
    }
}
