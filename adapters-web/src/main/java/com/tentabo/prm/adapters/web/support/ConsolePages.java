package com.tentabo.prm.adapters.web.support;

import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.shared.DomainException;
import java.util.UUID;

/**
 * What every console page class shares: the request, the views and id parsing. Each page class also declares its
 * own exception mappers (two lines calling {@link Views#failure}): mappers declared in a resource class apply to
 * that class only, so the console answers pages while the API keeps problem+json.
 */
public abstract class ConsolePages {

    protected final ConsoleRequest request;
    protected final Views views;

    protected ConsolePages(ConsoleRequest request, Views views) {
        this.request = request;
        this.views = views;
    }

    protected Caller caller() {
        return request.caller();
    }

    /** A path id: malformed is "not found", like an id out of scope. */
    protected static UUID id(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DomainException(com.tentabo.prm.domain.shared.ErrorCode.RESOURCE_NOT_FOUND, "No such record");
        }
    }

    /** An optional query day {@code yyyy-mm-dd}: blank is none; malformed is refused naming the field. */
    protected static java.time.LocalDate optionalDay(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.trim();
        try {
            if (text.length() == 10) {
                return java.time.LocalDate.parse(text);
            }
        } catch (java.time.format.DateTimeParseException e) {
            // refused below
        }
        throw DomainException.invalid(field, "must be a date (yyyy-mm-dd)");
    }

    /** The query text of the days given ({@code name=yyyy-mm-dd&} each), for paging links; empty when none. */
    protected static String dayQuery(String name, java.time.LocalDate day) {
        return day == null ? "" : name + "=" + day + "&";
    }

    /** An optional query/form id: blank is none; malformed is refused. */
    protected static UUID optionalId(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.trim());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field, "is not a valid id");
        }
    }
}
