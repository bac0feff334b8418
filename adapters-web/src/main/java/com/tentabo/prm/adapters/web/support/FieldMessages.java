package com.tentabo.prm.adapters.web.support;

import com.tentabo.prm.domain.shared.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the console shows for a refusal, in the reader's language. A problem's headline is keyed by its stable error
 * code ({@code code_lead_not_found}); a field's message by the constraint it breaks, recognised from the application's
 * wording ("must be at most 255 characters" is {@code field_max_length} with 255), the bounds carried over. A field
 * message no constraint here recognises is shown in the application's words ({@code field_other}).
 */
public final class FieldMessages {

    /** A bundle key and the arguments of its placeholders, in order. */
    public record Text(String key, List<String> args) {}

    /** One constraint: the application's wording (whole message) and its bundle key. */
    record Constraint(Pattern wording, String key) {
        Constraint(String regex, String key) {
            this(Pattern.compile(regex), key);
        }
    }

    static final List<Constraint> CONSTRAINTS = List.of(
            new Constraint("is required", "field_required"),
            new Constraint("must not be blank.*", "field_not_blank"),
            new Constraint("must be at most (\\d+) characters", "field_max_length"),
            new Constraint("must be 1 to (\\d+) characters", "field_max_length"),
            new Constraint("is too long", "field_too_long"),
            new Constraint("must contain at most (\\d+) .*", "field_max_items"),
            new Constraint("must contain at least one .*", "field_at_least_one"),
            new Constraint("must be between (-?[\\d.]+) and (-?[\\d.]+)", "field_between"),
            new Constraint("must be at least (-?[\\d.]+)", "field_at_least"),
            new Constraint("must be at most (-?[\\d.]+)", "field_at_most"),
            new Constraint("must not be negative|must be 0 or more", "field_not_negative"),
            new Constraint("must have at most (\\d+) decimals", "field_decimals"),
            new Constraint("must be an amount from 0 .*", "field_amount"),
            new Constraint("must be an? e-?mail address", "field_email"),
            new Constraint("must be an ISO 4217 .*|unknown ISO 4217 code.*", "field_currency"),
            new Constraint("is (?:already )?taken", "field_taken"),
            new Constraint("must be a whole number", "field_whole_number"),
            new Constraint("must be a number", "field_number"),
            new Constraint("must be a date \\(yyyy-mm-dd\\)", "field_date"),
            new Constraint("must be a phone number.*", "field_phone"),
            new Constraint("must be a web address or an e-mail domain.*", "field_website"),
            new Constraint("must be a SIREN.*", "field_company_number"),
            new Constraint("must be in the future", "field_future"),
            new Constraint("must not be after ([a-z_]+)", "field_not_after"),
            new Constraint("must be after ([a-z_]+)", "field_after"),
            new Constraint("no such [a-z ]+|does not exist", "field_unknown_record"),
            new Constraint("is not a valid id", "field_id"),
            new Constraint("must not contain NUL characters", "field_control_characters"),
            new Constraint("is not a cursor returned by this list", "field_cursor"),
            new Constraint("choose the next status", "field_choose_status"));

    private FieldMessages() {}

    /** The headline of a problem with this code. */
    public static String codeKey(ErrorCode code) {
        return "code_" + code.name().toLowerCase(Locale.ROOT);
    }

    /** The message of a field violation's wording. */
    public static Text field(String wording) {
        String text = wording == null ? "" : wording.strip();
        for (Constraint constraint : CONSTRAINTS) {
            Matcher m = constraint.wording().matcher(text);
            if (m.matches()) {
                List<String> args = new ArrayList<>();
                for (int g = 1; g <= m.groupCount(); g++) {
                    args.add(m.group(g) == null ? "" : m.group(g));
                }
                return new Text(constraint.key(), args);
            }
        }
        return new Text("field_other", List.of(text));
    }
}
