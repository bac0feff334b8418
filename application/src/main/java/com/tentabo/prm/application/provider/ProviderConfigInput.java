package com.tentabo.prm.application.provider;

import com.tentabo.prm.application.audit.AuditEntry;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import com.tentabo.prm.domain.shared.FieldViolation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The input rules of provider configurations (docs/providers-api.md): the name, the non-secret configuration object
 * and the credentials. Problems are answered as 400 {@code VALIDATION_FAILED} naming the field; a message never
 * repeats a credential value.
 */
public final class ProviderConfigInput {

    public static final int NAME_MAX = 50;
    public static final int CONFIGURATION_MAX_KEYS = 50;
    public static final int CONFIGURATION_MAX_DEPTH = 5;
    public static final int CONFIGURATION_MAX_CHARS = 16 * 1024;
    public static final int CREDENTIALS_MAX = 20;
    public static final int CREDENTIAL_NAME_MAX = 100;
    public static final int CREDENTIAL_VALUE_MAX = 4096;

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]*");

    /** The configuration keys that decide where a provider's credentials are sent. */
    public static final Set<String> DESTINATION_KEYS = Set.of("base_url", "url", "issuer", "jwks_uri");
    /** {@code "development": true} marks a provider configuration that may use plain-text or unverified endpoints. */
    public static final String DEVELOPMENT = "development";

    private ProviderConfigInput() {}

    public static String name(String raw) {
        if (raw == null || raw.isEmpty()) {
            throw DomainException.invalid("provider_name", "is required");
        }
        if (raw.length() > NAME_MAX || !NAME.matcher(raw).matches()) {
            throw DomainException.invalid(
                    "provider_name",
                    "must be 1 to " + NAME_MAX
                            + " lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return raw;
    }

    /** The configuration checked: an object of at most 50 keys, 5 levels and 16 KB, no secret-named key. */
    public static Map<String, Object> configuration(Map<String, Object> raw) {
        if (raw == null) {
            return new LinkedHashMap<>();
        }
        if (raw.size() > CONFIGURATION_MAX_KEYS) {
            throw DomainException.invalid("configuration", "must have at most " + CONFIGURATION_MAX_KEYS + " keys");
        }
        List<FieldViolation> problems = new ArrayList<>();
        int chars = check("configuration", raw, 1, problems);
        if (!problems.isEmpty()) {
            throw failed(problems);
        }
        if (chars > CONFIGURATION_MAX_CHARS) {
            throw DomainException.invalid(
                    "configuration", "must be at most " + CONFIGURATION_MAX_CHARS + " characters as JSON");
        }
        return new LinkedHashMap<>(raw);
    }

    /**
     * Credentials to set ({@code allowRemovals}: a name mapped to null removes it, as in a PATCH). Names are checked
     * here; the limit on their number applies to the merged result ({@link #requireCredentialCount}).
     */
    public static Map<String, String> credentials(Map<String, String> raw, boolean allowRemovals) {
        if (raw == null) {
            return null;
        }
        if (raw.size() > CREDENTIALS_MAX) {
            throw DomainException.invalid("credentials", "must have at most " + CREDENTIALS_MAX + " entries");
        }
        List<FieldViolation> problems = new ArrayList<>();
        raw.forEach((name, value) -> {
            String field = "credentials." + shortened(name);
            if (name == null || name.isBlank()) {
                problems.add(new FieldViolation("credentials", "a credential name must not be blank"));
            } else if (name.length() > CREDENTIAL_NAME_MAX || hasControl(name)) {
                problems.add(new FieldViolation(
                        field,
                        "a name must be at most " + CREDENTIAL_NAME_MAX + " characters without control characters"));
            } else if (value == null) {
                if (!allowRemovals) {
                    problems.add(new FieldViolation(
                            field, "must be a string (null removes a credential only when changing a provider)"));
                }
            } else if (value.isBlank()) {
                problems.add(new FieldViolation(field, "must not be blank; send null to remove it"));
            } else if (value.length() > CREDENTIAL_VALUE_MAX) {
                problems.add(new FieldViolation(field, "must be at most " + CREDENTIAL_VALUE_MAX + " characters"));
            } else if (value.indexOf('\u0000') >= 0) {
                problems.add(new FieldViolation(field, "must not contain NUL characters"));
            }
        });
        if (!problems.isEmpty()) {
            throw failed(problems);
        }
        return new LinkedHashMap<>(raw);
    }

    /** Whether the configuration is explicitly marked as a development one ({@code "development": true}). */
    public static boolean development(Map<String, Object> configuration) {
        return flag(configuration, DEVELOPMENT);
    }

    /**
     * What makes the configuration's endpoints unsafe: an {@code http://} destination, an {@code ldap://} URL without
     * {@code start_tls}, {@code trust_all_certificates}. Empty when there is none.
     */
    public static List<FieldViolation> insecureTransport(Map<String, Object> configuration) {
        List<FieldViolation> problems = new ArrayList<>();
        for (String key : DESTINATION_KEYS.stream().sorted().toList()) {
            Object value = configuration.get(key);
            if (!(value instanceof String text)) {
                continue;
            }
            for (String one : text.strip().split("\\s+")) {
                String lower = one.toLowerCase(Locale.ROOT);
                if (lower.startsWith("http://")) {
                    problems.add(new FieldViolation("configuration." + key, "must use https://"));
                } else if (lower.startsWith("ldap://") && !flag(configuration, "start_tls")) {
                    problems.add(new FieldViolation(
                            "configuration." + key, "ldap:// needs \"start_tls\": true (or use ldaps://)"));
                }
            }
        }
        if (flag(configuration, "trust_all_certificates")) {
            problems.add(new FieldViolation(
                    "configuration.trust_all_certificates",
                    "would accept any certificate: a man in the middle would get the credentials"));
        }
        return problems;
    }

    /** The destination keys whose values differ between two configurations. */
    public static List<String> changedDestinations(Map<String, Object> before, Map<String, Object> after) {
        return DESTINATION_KEYS.stream()
                .sorted()
                .filter(key -> !Objects.equals(before.get(key), after.get(key)))
                .toList();
    }

    private static boolean flag(Map<String, Object> configuration, String key) {
        Object value = configuration.get(key);
        return Boolean.TRUE.equals(value)
                || (value instanceof String text && text.strip().equalsIgnoreCase("true"));
    }

    public static void requireCredentialCount(Map<String, String> merged) {
        if (merged.size() > CREDENTIALS_MAX) {
            throw DomainException.invalid(
                    "credentials", "a provider holds at most " + CREDENTIALS_MAX + " credentials");
        }
    }

    /** A copy of a configuration for an audit row, every secret-named field at any depth shown as "***". */
    public static Object redacted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) ->
                    copy.put(String.valueOf(k), AuditEntry.isSecretField(String.valueOf(k)) ? "***" : redacted(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ProviderConfigInput::redacted).toList();
        }
        return value;
    }

    /** Checks a value and answers the length of its JSON text (an estimate close enough for a size limit). */
    private static int check(String path, Object value, int depth, List<FieldViolation> problems) {
        if (value == null || value instanceof Boolean) {
            return 5;
        }
        if (value instanceof Number) {
            return value instanceof BigDecimal decimal
                    ? decimal.toPlainString().length()
                    : value.toString().length();
        }
        if (value instanceof String text) {
            if (text.indexOf('\u0000') >= 0) {
                problems.add(new FieldViolation(path, "must not contain NUL characters"));
            }
            return text.length() + 2;
        }
        if (depth > CONFIGURATION_MAX_DEPTH) {
            problems.add(new FieldViolation(path, "nests too deep (at most " + CONFIGURATION_MAX_DEPTH + " levels)"));
            return 0;
        }
        if (value instanceof Map<?, ?> map) {
            int chars = 2;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                String field = path + "." + shortened(key);
                if (key.isBlank() || hasControl(key)) {
                    problems.add(new FieldViolation(field, "a key must not be blank or hold control characters"));
                } else if (AuditEntry.isSecretField(key)) {
                    problems.add(new FieldViolation(
                            field,
                            "looks like a secret: put it in credentials, which are " + "encrypted and never shown"));
                }
                chars += key.length() + 4 + check(field, entry.getValue(), depth + 1, problems);
                if (!problems.isEmpty() && problems.size() > 20) {
                    return chars;
                }
            }
            return chars;
        }
        if (value instanceof List<?> list) {
            int chars = 2;
            for (int i = 0; i < list.size(); i++) {
                chars += 1 + check(path + "[" + i + "]", list.get(i), depth + 1, problems);
            }
            return chars;
        }
        problems.add(new FieldViolation(path, "is not a JSON value"));
        return 0;
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(c -> c < 0x20);
    }

    private static String shortened(String key) {
        if (key == null) {
            return "";
        }
        String clean = key.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
    }

    private static DomainException failed(List<FieldViolation> problems) {
        List<FieldViolation> shown = problems.size() > 20 ? problems.subList(0, 20) : problems;
        return new DomainException(
                ErrorCode.VALIDATION_FAILED,
                shown.stream()
                        .map(p -> p.field() + ": " + p.message())
                        .reduce((a, b) -> a + "; " + b)
                        .orElse(""),
                shown);
    }
}
