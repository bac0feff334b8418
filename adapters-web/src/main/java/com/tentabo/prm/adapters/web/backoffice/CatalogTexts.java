package com.tentabo.prm.adapters.web.backoffice;

import com.tentabo.prm.adapters.web.support.ConsoleRequest;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts of the catalog pages built at run time, in the reader's language ({@code boc} bundle): above all the
 * tier rules the domain reports ({@code PriceTierSet}), recognised from their wording with their bounds carried over,
 * so that every broken rule reads in French too. A wording not recognised here is shown as the domain wrote it.
 */
@ApplicationScoped
public class CatalogTexts {

    /** One tier rule: the domain's wording (whole message) and its bundle key. */
    private record Rule(Pattern wording, String key) {
        Rule(String regex, String key) {
            this(Pattern.compile(regex), key);
        }
    }

    private static final List<Rule> RULES = List.of(
            new Rule("is required \\(month or year\\)", "tier_period_required"),
            new Rule("is required", "tier_required"),
            new Rule("must be 0 or more", "tier_not_negative"),
            new Rule("must be greater than min_quantity", "tier_max_above_min"),
            new Rule("must be greater than 0", "tier_price_positive"),
            new Rule("must be at most ([\\d.]+)", "tier_price_max"),
            new Rule("must have at most (\\d+) decimals", "tier_decimals"),
            new Rule("must contain at least one tier", "tier_at_least_one"),
            new Rule("must contain at most (\\d+) tiers", "tier_at_most"),
            new Rule("the first tier must start at 0 or 1", "tier_first_start"),
            new Rule("every tier must have the same period as the first \\((\\w+)\\)", "tier_same_period"),
            new Rule("only the last tier may be open-ended", "tier_open_ended_last"),
            new Rule("tiers must be sorted by min_quantity", "tier_sorted"),
            new Rule("overlaps the previous tier \\(must be (\\d+)\\)", "tier_overlap"),
            new Rule("leaves a gap after the previous tier \\(must be (\\d+)\\)", "tier_gap"),
            new Rule("must be a whole number", "tier_whole_number"),
            new Rule("must be a number", "tier_number"),
            new Rule("must be month or year", "tier_period_required"));
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Map<String, Template> TEMPLATES = new ConcurrentHashMap<>();

    private final Engine engine;
    private final ConsoleRequest request;

    public CatalogTexts(Engine engine, ConsoleRequest request) {
        this.engine = engine;
        this.request = request;
    }

    /** The message of a {@code boc} key with up to two arguments. */
    public String t(String key, String... args) {
        if (!KEY.matcher(key).matches() || args.length > 2) {
            return key;
        }
        StringBuilder call = new StringBuilder("{boc:").append(key);
        if (args.length > 0) {
            call.append(args.length == 1 ? "(a0)" : "(a0, a1)");
        }
        Template template = TEMPLATES.computeIfAbsent(call.append('}').toString(), engine::parse);
        var instance = template.instance().setLocale(request.locale());
        for (int i = 0; i < args.length; i++) {
            instance.data("a" + i, args[i]);
        }
        return instance.render();
    }

    /** A tier rule's wording in the reader's language. */
    public String tierRule(String wording) {
        String text = wording == null ? "" : wording.strip();
        for (Rule rule : RULES) {
            Matcher m = rule.wording().matcher(text);
            if (m.matches()) {
                return m.groupCount() == 0 ? t(rule.key()) : t(rule.key(), m.group(1));
            }
        }
        return text;
    }

    /** The label of a tier column as the domain names it ({@code min_quantity}…). */
    public String column(String field) {
        return switch (field) {
            case "min_quantity" -> t("tier_min");
            case "max_quantity" -> t("tier_max");
            case "price_per_unit" -> t("tier_price");
            case "period" -> t("tier_period");
            default -> field;
        };
    }
}
