package com.tentabo.prm.adapters.persistence.shared;

import com.tentabo.prm.application.shared.Filters;
import java.util.Map;

/**
 * Turns a {@link Filters.Days} span into a JPQL range condition on one timestamp attribute: {@code >=} its start and
 * {@code <} its end, both bound as parameters, so that an index on the column (or led by it) serves the range.
 */
public final class DayClauses {

    private DayClauses() {}

    /** The condition (starting with " and ", empty without bounds), adding its parameters named after {@code name}. */
    public static String of(Filters.Days days, String attribute, String name, Map<String, Object> params) {
        StringBuilder clause = new StringBuilder();
        if (days.from() != null) {
            clause.append(" and ")
                    .append(attribute)
                    .append(" >= :")
                    .append(name)
                    .append("From");
            params.put(name + "From", days.from());
        }
        if (days.before() != null) {
            clause.append(" and ").append(attribute).append(" < :").append(name).append("Before");
            params.put(name + "Before", days.before());
        }
        return clause.toString();
    }
}
