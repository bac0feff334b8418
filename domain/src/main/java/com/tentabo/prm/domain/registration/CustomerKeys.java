package com.tentabo.prm.domain.registration;

import com.tentabo.prm.domain.shared.DomainException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The normalised customer identifiers conflicts are matched on (docs/registrations.md). Written character by character
 * so that the database's functions {@code prm_org_key} and {@code prm_domain_key} (migration V15) compute exactly the
 * same keys for leads: only ASCII letters are lower-cased, accents are folded with one fixed table ({@link #ACCENTED}
 * → {@link #PLAIN}), no locale is involved.
 *
 * <ul>
 *   <li>{@link #organization}: æ/œ/ß spelled out, accents folded, lower case, dots and apostrophes deleted, every other
 *   run of characters that is not a letter or digit a single space, legal-form words (SA, SAS, SARL, GmbH, AG, Ltd,
 *   Inc, LLC, BV, SpA, …) dropped: {@code "Société Générale S.A."} → {@code "societe generale"}.</li>
 *   <li>{@link #domain}: the host of an e-mail address or a web address, lower case, folded to its registrable domain
 *   (the last two labels, three under a two-letter country code's {@code co.}, {@code com.}, {@code org.}, …):
 *   {@code "jane@sales.eu.acme.co.uk"} → {@code "acme.co.uk"}.</li>
 *   <li>{@link #registrationNumber}: a SIREN (9 digits), a SIRET (14 digits: its SIREN) or a French VAT number
 *   ({@code FRkk} + SIREN) become {@code SIREN:<9 digits>} (check digit verified); another VAT number
 *   {@code VAT:<country><number>}.</li>
 * </ul>
 */
public final class CustomerKeys {

    /** Accented letters folded to {@link #PLAIN}, position by position (the same two strings are in migration V15). */
    public static final String ACCENTED =
            "ÀÁÂÃÄÅĀĂĄàáâãäåāăąÇĆĈĊČçćĉċčĎĐďđÈÉÊËĒĔĖĘĚèéêëēĕėęěÌÍÎÏĨĪĬĮİìíîïĩīĭįıÑŃŅŇñńņňÒÓÔÕÖØŌŎŐòóôõöøōŏő"
                    + "ÙÚÛÜŨŪŬŮŰŲùúûüũūŭůűųÝŸŶýÿŷŹŻŽźżžŚŜŞŠśŝşšĞĜĠĢğĝġģĤĦĥħĴĵĶķĹĻĽĿŁĺļľŀłŔŖŘŕŗřŢŤŦţťŧŴŵ";

    public static final String PLAIN =
            "AAAAAAAAAaaaaaaaaaCCCCCcccccDDddEEEEEEEEEeeeeeeeeeIIIIIIIIIiiiiiiiiiNNNNnnnnOOOOOOOOOooooooooo"
                    + "UUUUUUUUUUuuuuuuuuuuYYYyyyZZZzzzSSSSssssGGGGggggHHhhJjKkLLLLLlllllRRRrrrTTTtttWw";

    /** Legal-form words dropped from organisation names (lower case, after dots are deleted). */
    public static final Set<String> LEGAL_FORMS = Set.of(
            "sa",
            "sas",
            "sasu",
            "sarl",
            "eurl",
            "sca",
            "scs",
            "snc",
            "sci",
            "scop",
            "selarl",
            "gmbh",
            "mbh",
            "ag",
            "kg",
            "kgaa",
            "ohg",
            "gbr",
            "ug",
            "ltd",
            "limited",
            "plc",
            "llp",
            "lp",
            "inc",
            "incorporated",
            "corp",
            "corporation",
            "llc",
            "co",
            "bv",
            "nv",
            "bvba",
            "sprl",
            "srl",
            "spa",
            "sl",
            "oy",
            "oyj",
            "ab",
            "as",
            "asa",
            "aps",
            "pty",
            "pte",
            "kk",
            "se");

    /** Second-level labels under which a two-letter country code's registrable domain has three labels. */
    public static final Set<String> SECOND_LEVELS = Set.of("co", "com", "org", "net", "gov", "gouv", "ac", "edu");

    private static final Pattern SCHEME = Pattern.compile("^[a-z][a-z0-9+.-]*://");
    private static final Pattern HOST = Pattern.compile("^[a-z0-9-]+(\\.[a-z0-9-]+)+$");
    private static final int MAX_INPUT = 255;

    private CustomerKeys() {}

    /** The organisation key; empty when nothing but legal forms and punctuation remains (never matched). */
    public static String organization(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder folded = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            switch (c) {
                case 'Æ', 'æ' -> folded.append("ae");
                case 'Œ', 'œ' -> folded.append("oe");
                case 'ß' -> folded.append("ss");
                case '.', '\'', '’' -> {}
                default -> {
                    int at = ACCENTED.indexOf(c);
                    char plain = at >= 0 ? PLAIN.charAt(at) : c;
                    if (plain >= 'A' && plain <= 'Z') {
                        plain = (char) (plain + ('a' - 'A'));
                    }
                    folded.append(isWordChar(plain) ? plain : ' ');
                }
            }
        }
        List<String> kept = new ArrayList<>();
        for (String token : folded.toString().trim().split(" +")) {
            if (!token.isEmpty() && !LEGAL_FORMS.contains(token)) {
                kept.add(token);
            }
        }
        return String.join(" ", kept);
    }

    /** The registrable domain of an e-mail address or web address, or null when there is none. */
    public static String domain(String value) {
        if (value == null || value.isBlank() || value.length() > MAX_INPUT) {
            return null;
        }
        String x = asciiLower(stripSpaces(value));
        if (x.isEmpty()) {
            return null;
        }
        int at = x.lastIndexOf('@');
        if (at >= 0) {
            x = x.substring(at + 1);
        }
        x = SCHEME.matcher(x).replaceFirst("");
        for (int i = 0; i < x.length(); i++) {
            char c = x.charAt(i);
            if (c == '/' || c == '?' || c == '#' || c == ':') {
                x = x.substring(0, i);
                break;
            }
        }
        while (x.endsWith(".")) {
            x = x.substring(0, x.length() - 1);
        }
        if (!HOST.matcher(x).matches()) {
            return null;
        }
        String[] labels = x.split("\\.");
        int n = labels.length;
        int keep = n >= 3 && SECOND_LEVELS.contains(labels[n - 2]) && labels[n - 1].length() == 2 ? 3 : 2;
        return String.join(".", java.util.Arrays.asList(labels).subList(n - keep, n));
    }

    /**
     * The registration number key, or null for a blank value; a value that is no SIREN, SIRET or VAT number is a
     * 400 naming {@code field}.
     */
    public static String registrationNumber(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 50) {
            throw DomainException.invalid(field, "must be at most 50 characters");
        }
        StringBuilder compact = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' || c == '.' || c == '-' || c == '/' || c == '\u00a0') {
                continue;
            }
            compact.append(c >= 'a' && c <= 'z' ? (char) (c - ('a' - 'A')) : c);
        }
        String x = compact.toString();
        String siren = null;
        if (x.matches("[0-9]{9}")) {
            siren = x;
        } else if (x.matches("[0-9]{14}")) {
            siren = x.substring(0, 9);
        } else if (x.matches("FR[0-9A-Z]{2}[0-9]{9}")) {
            siren = x.substring(4);
        } else if (x.matches("[A-Z]{2}[0-9A-Z]{2,13}")) {
            return "VAT:" + x;
        } else {
            throw DomainException.invalid(field, "must be a SIREN (9 digits), a SIRET (14 digits) or a VAT number");
        }
        if (!luhn(siren)) {
            throw DomainException.invalid(field, "is not a valid SIREN (its check digit is wrong)");
        }
        return "SIREN:" + siren;
    }

    /** Whether the domain key is one of the public mail domains (themselves folded): such a domain never matches. */
    public static boolean isPublic(String domainKey, Set<String> publicDomains) {
        return domainKey != null && publicDomains.contains(domainKey);
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static String stripSpaces(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == ' ') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == ' ') {
            to--;
        }
        return s.substring(from, to);
    }

    private static String asciiLower(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return b.toString();
    }
}
