package com.tentabo.prm.adapters.web.backoffice;

import com.tentabo.prm.adapters.web.support.ConsolePages;
import com.tentabo.prm.adapters.web.support.ConsoleRequest;
import com.tentabo.prm.adapters.web.support.FormValues;
import com.tentabo.prm.adapters.web.support.Views;
import com.tentabo.prm.application.catalog.PageRequest;
import com.tentabo.prm.application.catalog.port.in.BrowseCatalogUseCase;
import com.tentabo.prm.application.catalog.port.in.ManageDurationsUseCase;
import com.tentabo.prm.application.catalog.port.in.ManageProductsUseCase;
import com.tentabo.prm.application.catalog.port.in.ManageProductsUseCase.ProductCommand;
import com.tentabo.prm.application.catalog.port.in.QuoteUseCase;
import com.tentabo.prm.application.catalog.port.out.ProductRepository;
import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.catalog.Duration;
import com.tentabo.prm.domain.catalog.PriceTier;
import com.tentabo.prm.domain.catalog.PriceTierSet;
import com.tentabo.prm.domain.catalog.PricingMode;
import com.tentabo.prm.domain.catalog.Product;
import com.tentabo.prm.domain.catalog.TierPeriod;
import com.tentabo.prm.domain.id.DurationId;
import com.tentabo.prm.domain.id.ProductId;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import com.tentabo.prm.domain.shared.FieldViolation;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The catalog of the back office: products (list, create, details, activation) with their price tiers edited as one
 * table, and durations. Everyone may read it (CATALOG_READ); ADMIN and RESTRICTED_ADMIN change it (CATALOG_WRITE),
 * through the same use cases as the API. The tier table is checked as it is typed (htmx) by the domain's own rules,
 * every broken rule listed at once, with the prices of a few quantities in both pricing modes from the pricing use
 * case; nothing is written until it is saved as a whole.
 */
@Path("/ui/catalog")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class CatalogPage extends ConsolePages {

    static final int LIST_PAGE = 50;
    private static final Pattern TIER_FIELD = Pattern.compile("price_tiers\\[(\\d+)]\\.([a-z_]+)");
    private static final List<String> MODES = List.of("volume", "graduated");
    private static final List<String> PERIODS = List.of("month", "year");

    private final BrowseCatalogUseCase catalog;
    private final ManageProductsUseCase products;
    private final ManageDurationsUseCase durations;
    private final QuoteUseCase quotes;
    private final CatalogTexts texts;

    public CatalogPage(
            ConsoleRequest request,
            Views views,
            BrowseCatalogUseCase catalog,
            ManageProductsUseCase products,
            ManageDurationsUseCase durations,
            QuoteUseCase quotes,
            CatalogTexts texts) {
        super(request, views);
        this.catalog = catalog;
        this.products = products;
        this.durations = durations;
        this.quotes = quotes;
        this.texts = texts;
    }

    /** One row of the tier table as typed, with the problem of each of its cells (by column). */
    public record TierRow(int index, String min, String max, String price, String period, Map<String, String> errors) {
        public int n() {
            return index + 1;
        }
    }

    /** The tier table: its rows as typed, every broken rule, and the preview when the rows may be saved. */
    public record TierEditor(List<TierRow> rows, List<String> problems, List<QuoteUseCase.TierPreview> preview) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    // ---- products

    @GET
    public Response list(
            @QueryParam("active") String active,
            @QueryParam("type") String type,
            @QueryParam("q") String search,
            @QueryParam("cursor") String cursor) {
        Boolean activeFilter = "true".equals(active) ? Boolean.TRUE : "false".equals(active) ? Boolean.FALSE : null;
        String typeFilter = type == null || type.isBlank() ? null : type.trim();
        String nameFilter = search == null || search.isBlank() ? null : search.trim();
        Page<Product> page = catalog.products(
                caller(),
                new ProductRepository.Filter(activeFilter, typeFilter, null, nameFilter),
                new PageRequest(LIST_PAGE, cursor));
        StringBuilder filter = new StringBuilder();
        append(filter, "active", activeFilter == null ? null : activeFilter.toString());
        append(filter, "type", typeFilter);
        append(filter, "q", nameFilter);
        return views.html(views.page("backoffice/catalog-products")
                .data("page", page)
                .data("types", catalog.productTypes(caller()))
                .data("writes", writes())
                .data("active", active == null ? "" : active)
                .data("type", typeFilter == null ? "" : typeFilter)
                .data("q", nameFilter == null ? "" : nameFilter)
                .data("firstQuery", filter.toString())
                .data(
                        "nextQuery",
                        page.nextCursor() == null
                                ? null
                                : filter + "cursor=" + URLEncoder.encode(page.nextCursor(), StandardCharsets.UTF_8))
                .data("paged", cursor != null && !cursor.isBlank()));
    }

    @GET
    @Path("/products/new")
    public Response newProduct() {
        AccessPolicy.require(caller(), Capability.CATALOG_WRITE);
        return views.html(productForm(Map.of("pricing_mode", "volume"), Map.of(), null));
    }

    @POST
    @Path("/products")
    public Response create(MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        AccessPolicy.require(caller(), Capability.CATALOG_WRITE);
        try {
            ProductCommand command = details(new FormValues(form), true);
            Product created = products.create(caller(), command, null).value();
            return views.redirect("/ui/catalog/products/" + created.id() + "?saved=created");
        } catch (DomainException e) {
            if (!BackOfficeForms.fieldRefusal(e)) {
                throw e;
            }
            return views.html(422, productForm(BackOfficeForms.typed(form), views.fieldErrors(e), views.headline(e)));
        }
    }

    @GET
    @Path("/products/{id}")
    public Response product(@PathParam("id") String rawId, @QueryParam("saved") String saved) {
        Product product = catalog.product(caller(), new ProductId(id(rawId)));
        TierEditor editor = writes() ? check(rowsOf(product), Map.of()) : null;
        return views.html(
                productPage(product, values(product), Map.of(), null, editor).data("saved", saved));
    }

    @POST
    @Path("/products/{id}")
    public Response update(@PathParam("id") String rawId, MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        AccessPolicy.require(caller(), Capability.CATALOG_WRITE);
        Product product = catalog.product(caller(), new ProductId(id(rawId)));
        FormValues values = new FormValues(form);
        try {
            ProductCommand command = details(values, product.active());
            products.update(caller(), product.id(), command, values.version());
            return views.redirect("/ui/catalog/products/" + product.id() + "?saved=details");
        } catch (DomainException e) {
            if (!BackOfficeForms.fieldRefusal(e)) {
                throw e;
            }
            return views.html(
                    422,
                    productPage(
                            product,
                            BackOfficeForms.typed(form),
                            views.fieldErrors(e),
                            views.headline(e),
                            check(rowsOf(product), Map.of())));
        }
    }

    @POST
    @Path("/products/{id}/active")
    public Response activate(@PathParam("id") String rawId, MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        AccessPolicy.require(caller(), Capability.CATALOG_WRITE);
        Product p = catalog.product(caller(), new ProductId(id(rawId)));
        FormValues values = new FormValues(form);
        boolean active = "true".equals(values.text("active"));
        products.update(
                caller(),
                p.id(),
                new ProductCommand(p.name(), p.type(), p.unit(), p.description(), active, p.pricingMode(), null),
                values.version());
        return views.redirect("/ui/catalog/products/" + p.id() + "?saved=" + (active ? "activated" : "deactivated"));
    }

    /** The tier table's buttons: add a row, remove one (both redisplay the table, unsaved), or save it whole. */
    @POST
    @Path("/products/{id}/tiers")
    public Response tiers(@PathParam("id") String rawId, MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        AccessPolicy.require(caller(), Capability.CATALOG_WRITE);
        Product product = catalog.product(caller(), new ProductId(id(rawId)));
        FormValues values = new FormValues(form);
        List<TierRow> rows = typedRows(values);
        Integer remove = values.integer("remove");
        values.check();
        if (values.text("add") != null || remove != null) {
            List<TierRow> edited = new ArrayList<>(rows);
            if (remove != null && remove >= 0 && remove < edited.size()) {
                edited.remove((int) remove);
            } else if (remove == null && edited.size() < PriceTierSet.MAX_TIERS) {
                edited.add(nextRow(edited));
            }
            return views.html(
                    productPage(product, values(product), Map.of(), null, check(reindexed(edited), Map.of())));
        }
        Map<Integer, Map<String, String>> unreadable = new HashMap<>();
        List<PriceTierSet.Row> parsed = parse(rows, unreadable);
        if (unreadable.isEmpty()) {
            try {
                products.replaceTiers(caller(), product.id(), parsed, values.version());
                return views.redirect("/ui/catalog/products/" + product.id() + "?saved=tiers");
            } catch (DomainException e) {
                if (e.code() != ErrorCode.INVALID_PRICE_TIERS) {
                    throw e;
                }
            }
        }
        TierEditor editor = check(rows, unreadable);
        return views.html(422, productPage(product, values(product), Map.of(), texts.t("tiers_refused"), editor));
    }

    /** The live check of the tier table (htmx): every broken rule, or the preview of the prices. */
    @POST
    @Path("/products/{id}/tiers/check")
    public Response checkTiers(@PathParam("id") String rawId, MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        AccessPolicy.require(caller(), Capability.CATALOG_WRITE);
        Product product = catalog.product(caller(), new ProductId(id(rawId)));
        FormValues values = new FormValues(form);
        List<TierRow> rows = typedRows(values);
        values.check();
        return views.html(views.page("backoffice/catalog-tiers-check")
                .data("editor", check(rows, Map.of()))
                .data("product", product));
    }

    // ---- durations

    @GET
    @Path("/durations")
    public Response durations(@QueryParam("saved") String saved) {
        return views.html(durationsPage(null, Map.of(), Map.of(), null).data("saved", saved));
    }

    @POST
    @Path("/durations")
    public Response createDuration(MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        AccessPolicy.require(caller(), Capability.CATALOG_WRITE);
        try {
            durations.create(caller(), durationCommand(new FormValues(form)), null);
            return views.redirect("/ui/catalog/durations?saved=created");
        } catch (DomainException e) {
            if (!BackOfficeForms.fieldRefusal(e)) {
                throw e;
            }
            return views.html(
                    422, durationsPage("new", BackOfficeForms.typed(form), views.fieldErrors(e), views.headline(e)));
        }
    }

    @POST
    @Path("/durations/{id}")
    public Response updateDuration(@PathParam("id") String rawId, MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        AccessPolicy.require(caller(), Capability.CATALOG_WRITE);
        Duration duration = catalog.duration(caller(), new DurationId(id(rawId)));
        FormValues values = new FormValues(form);
        try {
            durations.update(caller(), duration.id(), durationCommand(values), values.version());
            return views.redirect("/ui/catalog/durations?saved=updated");
        } catch (DomainException e) {
            if (!BackOfficeForms.fieldRefusal(e)) {
                throw e;
            }
            return views.html(
                    422,
                    durationsPage(
                            duration.id().toString(),
                            BackOfficeForms.typed(form),
                            views.fieldErrors(e),
                            views.headline(e)));
        }
    }

    @POST
    @Path("/durations/{id}/delete")
    public Response deleteDuration(@PathParam("id") String rawId, MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        AccessPolicy.require(caller(), Capability.CATALOG_WRITE);
        durations.delete(
                caller(), catalog.duration(caller(), new DurationId(id(rawId))).id());
        return views.redirect("/ui/catalog/durations?saved=deleted");
    }

    @ServerExceptionMapper
    public Response refused(DomainException e) {
        return views.failure(e);
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return views.failure(e);
    }

    // ---- pages

    private boolean writes() {
        return AccessPolicy.can(caller(), Capability.CATALOG_WRITE);
    }

    private TemplateInstance productForm(Map<String, String> values, Map<String, String> errors, String problem) {
        return views.page("backoffice/catalog-product-new")
                .data("v", values)
                .data("errors", errors)
                .data("problem", problem)
                .data("types", catalog.productTypes(caller()))
                .data("modes", MODES);
    }

    private TemplateInstance productPage(
            Product product,
            Map<String, String> values,
            Map<String, String> errors,
            String problem,
            TierEditor editor) {
        return views.page("backoffice/catalog-product")
                .data("product", product)
                .data("v", values)
                .data("errors", errors)
                .data("problem", problem)
                .data("editor", editor)
                .data("writes", writes())
                .data("version", ExpectedVersion.tagOf(product.updatedAt()))
                .data("types", catalog.productTypes(caller()))
                .data("modes", MODES)
                .data("periods", PERIODS)
                .data("saved", null)
                .data("maxTiers", PriceTierSet.MAX_TIERS);
    }

    /** A duration's row: the values shown (as typed when its form was refused) and the problems of its fields. */
    public record DurationRow(Duration duration, String version, Map<String, String> v, Map<String, String> errors) {}

    private TemplateInstance durationsPage(
            String errorsFor, Map<String, String> values, Map<String, String> errors, String problem) {
        Page<Duration> page = catalog.durations(caller(), new PageRequest(PageRequest.MAX_LIMIT, null));
        List<DurationRow> rows = page.items().stream()
                .sorted(java.util.Comparator.comparingInt(Duration::months))
                .map(d -> d.id().toString().equals(errorsFor)
                        ? new DurationRow(d, ExpectedVersion.tagOf(d.updatedAt()), values, errors)
                        : new DurationRow(
                                d,
                                ExpectedVersion.tagOf(d.updatedAt()),
                                Map.of(
                                        "name",
                                        d.name() == null ? "" : d.name(),
                                        "months",
                                        String.valueOf(d.months()),
                                        "discount_percentage",
                                        d.discountPercentage().toPlainString()),
                                Map.of()))
                .toList();
        boolean fresh = "new".equals(errorsFor);
        return views.page("backoffice/catalog-durations")
                .data("rows", rows)
                .data("writes", writes())
                .data("fresh", new DurationRow(null, null, fresh ? values : Map.of(), fresh ? errors : Map.of()))
                .data("problem", problem)
                .data("saved", null);
    }

    // ---- forms

    private static ProductCommand details(FormValues values, boolean active) {
        String mode = values.text("pricing_mode");
        PricingMode pricingMode = null;
        if (mode != null) {
            pricingMode = java.util.Arrays.stream(PricingMode.values())
                    .filter(m -> m.name().equalsIgnoreCase(mode))
                    .findFirst()
                    .orElseThrow(() -> DomainException.invalid("pricing_mode", "must be volume or graduated"));
        }
        values.check();
        return new ProductCommand(
                values.text("name"),
                values.text("type"),
                values.text("unit"),
                values.text("description"),
                active,
                pricingMode,
                null);
    }

    private static ManageDurationsUseCase.DurationCommand durationCommand(FormValues values) {
        Integer months = values.integer("months");
        BigDecimal discount = values.decimal("discount_percentage");
        String name = values.text("name");
        values.check();
        return new ManageDurationsUseCase.DurationCommand(months, discount == null ? BigDecimal.ZERO : discount, name);
    }

    private static Map<String, String> values(Product p) {
        Map<String, String> v = new HashMap<>();
        v.put("name", p.name());
        v.put("type", p.type());
        v.put("unit", p.unit());
        v.put("description", p.description());
        v.put("pricing_mode", p.pricingMode().name().toLowerCase(Locale.ROOT));
        v.values().removeIf(java.util.Objects::isNull);
        return v;
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value != null) {
            query.append(name)
                    .append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8))
                    .append('&');
        }
    }

    // ---- the tier table

    private static List<TierRow> rowsOf(Product product) {
        List<TierRow> rows = new ArrayList<>();
        for (PriceTier tier : product.tiers().tiers()) {
            rows.add(new TierRow(
                    rows.size(),
                    String.valueOf(tier.minQuantity()),
                    tier.maxQuantity() == null ? "" : tier.maxQuantity().toString(),
                    tier.price().toPlainString(),
                    tier.period().label(),
                    Map.of()));
        }
        if (rows.isEmpty()) {
            rows.add(new TierRow(0, "1", "", "", "month", Map.of()));
        }
        return rows;
    }

    /** The rows as posted: the cells of one row share their position in the four lists. */
    private static List<TierRow> typedRows(FormValues values) {
        List<String> mins = values.all("min_quantity");
        List<String> maxes = values.all("max_quantity");
        List<String> prices = values.all("price_per_unit");
        List<String> periods = values.all("period");
        int count = Math.max(Math.max(mins.size(), maxes.size()), Math.max(prices.size(), periods.size()));
        if (count > PriceTierSet.MAX_TIERS + 1) {
            throw DomainException.invalid("price_tiers", "must contain at most " + PriceTierSet.MAX_TIERS + " tiers");
        }
        List<TierRow> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new TierRow(i, cell(mins, i), cell(maxes, i), cell(prices, i), cell(periods, i), Map.of()));
        }
        return rows;
    }

    private static String cell(List<String> values, int i) {
        String value = i < values.size() ? values.get(i) : null;
        if (value == null) {
            return "";
        }
        String trimmed = value.trim();
        return trimmed.length() > 40 ? trimmed.substring(0, 40) : trimmed;
    }

    private static TierRow nextRow(List<TierRow> rows) {
        if (rows.isEmpty()) {
            return new TierRow(0, "1", "", "", "month", Map.of());
        }
        TierRow last = rows.get(rows.size() - 1);
        String min = "";
        if (last.max().matches("\\d{1,9}")) {
            min = String.valueOf(Long.parseLong(last.max()) + 1);
        }
        return new TierRow(rows.size(), min, "", "", last.period().isEmpty() ? "month" : last.period(), Map.of());
    }

    private static List<TierRow> reindexed(List<TierRow> rows) {
        List<TierRow> out = new ArrayList<>();
        rows.forEach(r -> out.add(new TierRow(out.size(), r.min(), r.max(), r.price(), r.period(), Map.of())));
        return out;
    }

    /** Reads the cells; a cell that is not a number is noted against its row and column and read as missing. */
    private static List<PriceTierSet.Row> parse(List<TierRow> rows, Map<Integer, Map<String, String>> unreadable) {
        List<PriceTierSet.Row> parsed = new ArrayList<>();
        for (TierRow row : rows) {
            Map<String, String> bad = new LinkedHashMap<>();
            Integer min = whole(row.min(), "min_quantity", bad);
            Integer max = whole(row.max(), "max_quantity", bad);
            BigDecimal price = null;
            if (!row.price().isEmpty()) {
                String normalised =
                        row.price().replace('\u00a0', ' ').replace(" ", "").replace(',', '.');
                if (normalised.matches("-?\\d{1,12}(\\.\\d{1,12})?")) {
                    price = new BigDecimal(normalised);
                } else {
                    bad.put("price_per_unit", "must be a number");
                }
            }
            TierPeriod period = null;
            if (!row.period().isEmpty()) {
                period = java.util.Arrays.stream(TierPeriod.values())
                        .filter(p -> p.label().equalsIgnoreCase(row.period()))
                        .findFirst()
                        .orElse(null);
                if (period == null) {
                    bad.put("period", "must be month or year");
                }
            }
            if (!bad.isEmpty()) {
                unreadable.put(row.index(), bad);
            }
            parsed.add(new PriceTierSet.Row(min, max, price, period));
        }
        return parsed;
    }

    private static Integer whole(String text, String column, Map<String, String> bad) {
        if (text.isEmpty()) {
            return null;
        }
        if (!text.matches("-?\\d{1,9}")) {
            bad.put(column, "must be a whole number");
            return null;
        }
        return Integer.valueOf(text);
    }

    /**
     * Every broken rule of the rows, as the domain states them (the same check as a save), each also marked on its
     * cell; or, when none is broken, the preview of the prices from the pricing use case.
     */
    private TierEditor check(List<TierRow> rows, Map<Integer, Map<String, String>> known) {
        Map<Integer, Map<String, String>> unreadable = new HashMap<>(known);
        List<PriceTierSet.Row> parsed = parse(rows, unreadable);
        List<FieldViolation> violations = new ArrayList<>();
        unreadable.forEach((i, cells) -> cells.forEach(
                (column, message) -> violations.add(new FieldViolation("price_tiers[" + i + "]." + column, message))));
        List<QuoteUseCase.TierPreview> preview = List.of();
        try {
            preview = quotes.previewTiers(caller(), parsed, null);
        } catch (DomainException e) {
            if (e.code() != ErrorCode.INVALID_PRICE_TIERS) {
                throw e;
            }
            for (FieldViolation v : e.violations()) {
                Matcher m = TIER_FIELD.matcher(v.field());
                boolean unread = m.matches()
                        && unreadable
                                .getOrDefault(Integer.parseInt(m.group(1)), Map.of())
                                .containsKey(m.group(2));
                if (!unread) {
                    violations.add(v);
                }
            }
        }
        if (!violations.isEmpty()) {
            preview = List.of();
        }
        violations.sort(java.util.Comparator.comparingInt(CatalogPage::rowOf));
        Map<Integer, Map<String, String>> cells = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (FieldViolation v : violations) {
            String message = texts.tierRule(v.message());
            Matcher m = TIER_FIELD.matcher(v.field());
            if (m.matches()) {
                int row = Integer.parseInt(m.group(1));
                cells.computeIfAbsent(row, r -> new HashMap<>()).merge(m.group(2), message, (a, b) -> a + " " + b);
                problems.add(
                        texts.t("tier_problem", String.valueOf(row + 1), texts.column(m.group(2))) + " " + message);
            } else {
                problems.add(message);
            }
        }
        List<TierRow> marked = new ArrayList<>();
        rows.forEach(r -> marked.add(new TierRow(
                r.index(), r.min(), r.max(), r.price(), r.period(), cells.getOrDefault(r.index(), Map.of()))));
        return new TierEditor(marked, problems, preview);
    }

    private static int rowOf(FieldViolation v) {
        Matcher m = TIER_FIELD.matcher(v.field());
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }
}
