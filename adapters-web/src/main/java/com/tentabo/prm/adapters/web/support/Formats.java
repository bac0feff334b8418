package com.tentabo.prm.adapters.web.support;

import com.tentabo.prm.application.dashboard.Dashboard;
import com.tentabo.prm.domain.pricing.Money;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Formats for the request's language, used by templates as {@code {cdi:fmt.…}}: amounts with their currency
 * ({@code 9 720,00 €} in French, {@code €9,720.00} in English), dates and times in UTC, numbers, and labels of
 * enumerated values (statuses, roles…) looked up in the message bundle by key.
 */
@RequestScoped
@Named("fmt")
public class Formats {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,80}");
    private static final Map<String, Template> LABELS = new ConcurrentHashMap<>();

    private final ConsoleRequest request;
    private final Engine engine;

    public Formats(ConsoleRequest request, Engine engine) {
        this.request = request;
        this.engine = engine;
    }

    public static String money(BigDecimal amount, String currency, Locale locale) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        try {
            format.setCurrency(Currency.getInstance(currency == null ? "EUR" : currency));
        } catch (IllegalArgumentException unknown) {
            NumberFormat plain = NumberFormat.getNumberInstance(locale);
            plain.setMinimumFractionDigits(2);
            return plain.format(amount) + " " + currency;
        }
        format.setMinimumFractionDigits(
                Math.max(2, Math.min(amount.stripTrailingZeros().scale(), 4)));
        return format.format(amount);
    }

    public String money(BigDecimal amount, String currency) {
        return money(amount, currency, request.locale());
    }

    /** An amount of the model ({@link Money}) with its currency; one without a currency shows as in EUR. */
    public String money(Money money) {
        return money == null ? "" : money(money.amount(), money.currencyCode(), request.locale());
    }

    /** Sums in several currencies, one after the other; none is "0". */
    public String amounts(List<Dashboard.Amount> amounts) {
        if (amounts == null || amounts.isEmpty()) {
            return money(BigDecimal.ZERO, "EUR");
        }
        return amounts.stream().map(a -> money(a.amount(), a.currency())).collect(Collectors.joining(" + "));
    }

    public String number(Object value) {
        return value == null
                ? ""
                : NumberFormat.getNumberInstance(request.locale()).format(value);
    }

    public String percent(BigDecimal value) {
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(request.locale());
        format.setMaximumFractionDigits(2);
        return format.format(value) + (request.locale().getLanguage().equals("fr") ? " %" : "%");
    }

    public String date(Instant at) {
        return at == null
                ? ""
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(request.locale())
                        .withZone(ZoneOffset.UTC)
                        .format(at);
    }

    public String dateTime(Instant at) {
        return at == null
                ? ""
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                                .withLocale(request.locale())
                                .withZone(ZoneOffset.UTC)
                                .format(at)
                        + " UTC";
    }

    /** {@link #dateTime(Instant)} of an ISO-8601 timestamp kept as text (a provider's metadata); other text as it is. */
    public String textDateTime(String iso) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        try {
            return dateTime(java.time.OffsetDateTime.parse(iso).toInstant());
        } catch (java.time.format.DateTimeParseException notAnOffsetTime) {
            return iso;
        }
    }

    /** {@code yyyy-MM-dd} of an instant (UTC), for {@code <input type="date">}. */
    public String isoDate(Instant at) {
        return at == null
                ? ""
                : DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(at);
    }

    public String month(YearMonth month) {
        return month == null
                ? ""
                : DateTimeFormatter.ofPattern("MMM yyyy", request.locale()).format(month);
    }

    /** The message of a bundle key built at run time ({@code lead_status_won}); an unknown key shows as itself. */
    public String t(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            return String.valueOf(key);
        }
        Template template = LABELS.computeIfAbsent(key, k -> engine.parse("{" + bundle(k) + ":" + k + "}"));
        try {
            return template.instance().setLocale(request.locale()).render();
        } catch (RuntimeException unknown) {
            return key;
        }
    }

    /**
     * The message of a bundle key with arguments for its placeholders, in order ({@link FieldMessages.Text}); an unknown
     * key shows as itself.
     */
    public String t(FieldMessages.Text text) {
        if (text.args().isEmpty()) {
            return t(text.key());
        }
        if (!KEY.matcher(text.key()).matches() || text.args().size() > 4) {
            return text.key();
        }
        StringBuilder call = new StringBuilder("{")
                .append(bundle(text.key()))
                .append(':')
                .append(text.key())
                .append('(');
        for (int i = 0; i < text.args().size(); i++) {
            call.append(i == 0 ? "" : ", ").append('a').append(i);
        }
        Template template = LABELS.computeIfAbsent(call.append(")}").toString(), engine::parse);
        try {
            var instance = template.instance().setLocale(request.locale());
            for (int i = 0; i < text.args().size(); i++) {
                instance.data("a" + i, text.args().get(i));
            }
            return instance.render();
        } catch (RuntimeException unknown) {
            return text.key();
        }
    }

    /**
     * The bundle of a key: {@link Problems} for refusals ({@code code_*}, {@code field_*}), the notifications' and the
     * billing pages' for their prefixes ({@code notif_*}, {@code bil_*}), else {@link Msg}.
     */
    private static String bundle(String key) {
        if (key.startsWith("notif_")) {
            return "ntf";
        }
        if (key.startsWith("bil_")) {
            return "bil";
        }
        return key.startsWith("code_") || key.startsWith("field_") ? "err" : "msg";
    }

    /** Whether the bundle has this key. */
    public boolean has(String key) {
        return !t(key).equals(key);
    }

    /** The label of an enumerated value: {@code label("lead_status", LeadStatus.WON)} is "Won" or "Gagné". */
    public String label(String kind, Object value) {
        return value == null ? "" : t(kind + "_" + value.toString().toLowerCase(Locale.ROOT));
    }

    public String myRole() {
        return request.signedIn() ? label("role", request.role()) : "";
    }
}
