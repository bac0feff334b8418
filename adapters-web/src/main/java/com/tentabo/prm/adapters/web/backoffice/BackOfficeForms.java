package com.tentabo.prm.adapters.web.backoffice;

import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorKind;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.HashMap;
import java.util.Map;

/** What the forms of the catalog, company and user pages share when one is refused and shown again. */
final class BackOfficeForms {

    private BackOfficeForms() {}

    /** A refusal shown beside the form's fields (400, or any refusal naming fields); others are error pages. */
    static boolean fieldRefusal(DomainException e) {
        return e.code().kind() == ErrorKind.BAD_REQUEST || !e.violations().isEmpty();
    }

    /** The values as typed (first of each name), to show the refused form again; the CSRF field left out. */
    static Map<String, String> typed(MultivaluedMap<String, String> form) {
        Map<String, String> typed = new HashMap<>();
        form.forEach((k, v) -> {
            if (!v.isEmpty() && !k.startsWith("_")) {
                typed.put(k, v.get(0));
            }
        });
        return typed;
    }
}
