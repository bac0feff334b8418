package com.tentabo.prm.adapters.web.portal;

import com.tentabo.prm.adapters.web.support.ConsolePages;
import com.tentabo.prm.adapters.web.support.ConsoleRequest;
import com.tentabo.prm.adapters.web.support.Csrf;
import com.tentabo.prm.adapters.web.support.FormValues;
import com.tentabo.prm.adapters.web.support.Views;
import com.tentabo.prm.application.catalog.PageRequest;
import com.tentabo.prm.application.catalog.port.in.BrowseCatalogUseCase;
import com.tentabo.prm.application.catalog.port.in.QuoteUseCase;
import com.tentabo.prm.application.catalog.port.out.ProductRepository;
import com.tentabo.prm.application.lead.port.in.ManageLeadsUseCase;
import com.tentabo.prm.application.order.port.in.PlaceOrderUseCase;
import com.tentabo.prm.domain.catalog.Duration;
import com.tentabo.prm.domain.catalog.Product;
import com.tentabo.prm.domain.id.DurationId;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.ProductId;
import com.tentabo.prm.domain.lead.Lead;
import com.tentabo.prm.domain.lead.LeadStatus;
import com.tentabo.prm.domain.order.Order;
import com.tentabo.prm.domain.shared.DomainException;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The quote builder: lines of product, duration and quantity priced by {@link QuoteUseCase} (the same pricing as
 * {@code POST /api/v1/quotes}) as the person types (htmx replaces the result), or by the "update the price" button
 * without JavaScript; then the order is placed from the same lines, or a won lead is converted with them.
 */
@Path("/ui/quote")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class QuotePage extends ConsolePages {

    /** Lines a quote form offers at most (the use case accepts up to {@link QuoteUseCase#MAX_ITEMS}). */
    static final int MAX_LINES = 20;

    static final int CATALOG_PAGE = 200;

    private final BrowseCatalogUseCase catalog;
    private final QuoteUseCase quotes;
    private final PlaceOrderUseCase orders;
    private final ManageLeadsUseCase leads;
    private final PartnerChoices partners;

    public QuotePage(
            ConsoleRequest request,
            Views views,
            BrowseCatalogUseCase catalog,
            QuoteUseCase quotes,
            PlaceOrderUseCase orders,
            ManageLeadsUseCase leads,
            PartnerChoices partners) {
        super(request, views);
        this.catalog = catalog;
        this.quotes = quotes;
        this.orders = orders;
        this.leads = leads;
        this.partners = partners;
    }

    /** One line of the form as typed (ids as text, so that a half-filled line shows as it was). */
    public record Line(int n, String product, String duration, String quantity) {}

    @GET
    public Response builder(@QueryParam("lead") String lead) {
        UUID leadId = optionalId(lead, "lead");
        return views.html(page(List.of(new Line(1, "", "", "")), wonLead(leadId), null, null, null));
    }

    /** Without JavaScript: the whole page again, priced, with one more line when "add a line" was pressed. */
    @POST
    public Response reprice(MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        FormValues values = new FormValues(form);
        List<Line> lines = lines(values);
        if (values.text("add") != null && lines.size() < MAX_LINES) {
            lines = new ArrayList<>(lines);
            lines.add(new Line(lines.size() + 1, "", "", ""));
        }
        Lead lead = wonLead(optionalId(values.text("lead"), "lead"));
        UUID partner = optionalId(values.text("partner"), "partner");
        try {
            return views.html(page(lines, lead, priced(lines), null, partner));
        } catch (DomainException e) {
            return views.html(422, page(lines, lead, null, e, partner));
        }
    }

    /** htmx: the price block only, as the person types; a refusal of the pricing is shown in its place. */
    @POST
    @Path("/price")
    public Response price(MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        List<Line> lines = lines(new FormValues(form));
        TemplateInstance result =
                views.page("portal/quote-result").data("problem", null).data("quote", null);
        try {
            result.data("quote", priced(lines));
        } catch (DomainException e) {
            result.data("problem", views.headline(e))
                    .data("problems", views.fieldErrors(e).entrySet());
        }
        return views.html(result);
    }

    @POST
    @Path("/order")
    public Response placeOrder(MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        FormValues values = new FormValues(form);
        List<Line> lines = lines(values);
        List<QuoteUseCase.QuoteItem> items = items(lines);
        UUID leadId = optionalId(values.text("lead"), "lead");
        String key = values.text("idempotency_key");
        Order order;
        if (leadId != null) {
            order = orders.convertLead(
                            new PlaceOrderUseCase.ConvertLeadCommand(caller(), new LeadId(leadId), null, items, key))
                    .value();
        } else {
            order = orders.create(new PlaceOrderUseCase.CreateOrderCommand(
                            caller(),
                            PartnerId.ofNullable(optionalId(values.text("partner"), "partner")),
                            null,
                            null,
                            null,
                            null,
                            items,
                            key))
                    .value();
        }
        return views.redirect("/ui/orders/" + order.id() + "?placed=1");
    }

    @ServerExceptionMapper
    public Response refused(DomainException e) {
        return views.failure(e);
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return views.failure(e);
    }

    private TemplateInstance page(
            List<Line> lines, Lead lead, QuoteUseCase.Quote quote, DomainException problem, UUID partner) {
        List<Product> products = catalog.products(
                        caller(),
                        new ProductRepository.Filter(true, null, null, null),
                        new PageRequest(CATALOG_PAGE, null))
                .items();
        List<Duration> durations =
                catalog.durations(caller(), new PageRequest(CATALOG_PAGE, null)).items();
        return views.page("portal/quote")
                .data("lines", lines)
                .data("products", products)
                .data("durations", durations)
                .data("lead", lead)
                .data("quote", quote)
                .data("problem", problem == null ? null : views.headline(problem))
                .data(
                        "problems",
                        problem == null ? List.of() : views.fieldErrors(problem).entrySet())
                .data("partners", partners.of(caller(), partner))
                .data("idempotencyKey", Csrf.random());
    }

    /** A won lead in scope to convert, or null; any other lead is refused as the conversion would refuse it. */
    private Lead wonLead(UUID leadId) {
        if (leadId == null) {
            return null;
        }
        Lead lead = leads.get(caller(), new LeadId(leadId));
        if (lead.status() != LeadStatus.WON) {
            throw DomainException.invalid("lead", "only a won lead can be converted into an order");
        }
        return lead;
    }

    private QuoteUseCase.Quote priced(List<Line> lines) {
        List<QuoteUseCase.QuoteItem> items = items(lines);
        return items.isEmpty() ? null : quotes.quote(caller(), new QuoteUseCase.QuoteCommand(items, null));
    }

    /** The lines with a product chosen; the quote use case checks the rest (duration, quantity) as for the API. */
    private static List<QuoteUseCase.QuoteItem> items(List<Line> lines) {
        List<QuoteUseCase.QuoteItem> items = new ArrayList<>();
        for (Line line : lines) {
            if (line.product().isEmpty()) {
                continue;
            }
            FormValues one = new FormValues(new jakarta.ws.rs.core.MultivaluedHashMap<>(
                    java.util.Map.of("items[" + line.n() + "].quantity", line.quantity())));
            Long quantity = one.quantity("items[" + line.n() + "].quantity");
            one.check();
            items.add(new QuoteUseCase.QuoteItem(
                    ProductId.ofNullable(optionalId(line.product(), "items[" + line.n() + "].product_id")),
                    quantity,
                    DurationId.ofNullable(optionalId(line.duration(), "items[" + line.n() + "].duration_id"))));
        }
        return items;
    }

    private static List<Line> lines(FormValues values) {
        List<String> products = values.all("product");
        List<String> durations = values.all("duration");
        List<String> quantities = values.all("quantity");
        int count = Math.min(MAX_LINES, Math.max(1, products.size()));
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(new Line(i + 1, at(products, i), at(durations, i), at(quantities, i)));
        }
        return lines;
    }

    private static String at(List<String> values, int i) {
        return i < values.size() && values.get(i) != null ? values.get(i).trim() : "";
    }
}
