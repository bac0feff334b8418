package com.tentabo.prm.adapters.web.support;

import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorKind;
import com.tentabo.prm.domain.shared.FieldViolation;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the two password forms share (the invitation page and "My account"): the new password typed twice, and the
 * application's refusals turned into messages of the request's language beside the fields they name — the password
 * rule for a new password, "not your current password" for the current one.
 */
public final class PasswordForms {

    /** The field repeating the new password; it never leaves the console. */
    public static final String REPEAT = "new_password_repeat";

    public static final String CURRENT = "current_password";
    /** The key of a message about the whole form rather than one field. */
    public static final String FORM = "form";

    private PasswordForms() {}

    /** The field → message key of a repeated password that differs from the first, or an empty map. */
    public static Map<String, String> repeatErrors(MultivaluedMap<String, String> form, String field) {
        return Objects.equals(form.getFirst(field), form.getFirst(REPEAT))
                ? Map.of()
                : Map.of(REPEAT, "password_repeat_differs");
    }

    /** Whether the page can show this refusal beside the form's fields (or as the form's alert, when throttled). */
    public static boolean shownBesideFields(DomainException e) {
        return !e.violations().isEmpty() || e.code().kind() == ErrorKind.TOO_MANY_REQUESTS;
    }

    /** Field → message key of the refusal's violations; a throttled attempt is the form's alert ({@value #FORM}). */
    public static Map<String, String> errors(DomainException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (e.code().kind() == ErrorKind.TOO_MANY_REQUESTS) {
            errors.put(FORM, "sign_in_throttled");
        }
        for (FieldViolation v : e.violations()) {
            errors.put(v.field(), CURRENT.equals(v.field()) ? "password_current_wrong" : "password_rules_broken");
        }
        return errors;
    }
}
