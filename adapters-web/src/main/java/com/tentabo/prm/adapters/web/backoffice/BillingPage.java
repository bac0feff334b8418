package com.tentabo.prm.adapters.web.backoffice;

import com.tentabo.prm.adapters.web.support.ConsolePages;
import com.tentabo.prm.adapters.web.support.ConsoleRequest;
import com.tentabo.prm.adapters.web.support.FormValues;
import com.tentabo.prm.adapters.web.support.Views;
import com.tentabo.prm.application.provider.port.in.BrowseBillingUseCase;
import com.tentabo.prm.application.provider.port.in.LinkBillingInvoiceUseCase;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.id.ContractId;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What the active billing provider holds, read through it in the caller's scope ({@link BrowseBillingUseCase}: a
 * partner its own customer's records, a distributor its own and its assigned partners', staff everything): invoices,
 * quotes and customers, a page at a time, filtered by status and date, each invoice and quote with the order and
 * contract it belongs to. One invoice's page offers ADMIN ({@link LinkBillingInvoiceUseCase}) to attach it to a
 * contract, to mark it not contract-related, or to undo that decision. A provider that is not configured or does not
 * answer is a readable message on the page (503), never an error of the console.
 */
@Path("/ui/billing")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class BillingPage extends ConsolePages {

    static final int LIST_PAGE = 25;
    static final List<String> KINDS = List.of("invoices", "quotes", "customers");
    private static final Set<ErrorCode> PROVIDER_DOWN =
            Set.of(ErrorCode.BILLING_PROVIDER_NOT_ACTIVE, ErrorCode.BILLING_PROVIDER_FAILED);

    private final BrowseBillingUseCase browse;
    private final LinkBillingInvoiceUseCase links;

    public BillingPage(
            ConsoleRequest request, Views views, BrowseBillingUseCase browse, LinkBillingInvoiceUseCase links) {
        super(request, views);
        this.browse = browse;
        this.links = links;
    }

    @GET
    public Response list(
            @QueryParam("kind") String rawKind,
            @QueryParam("status") String status,
            @QueryParam("date_from") String dateFrom,
            @QueryParam("date_to") String dateTo,
            @QueryParam("cursor") String cursor) {
        String kind = rawKind == null || rawKind.isBlank()
                ? KINDS.get(0)
                : rawKind.strip().toLowerCase(Locale.ROOT);
        if (!KINDS.contains(kind)) {
            throw DomainException.invalid("kind", "must be one of " + KINDS);
        }
        LocalDate from = optionalDay(dateFrom, "date_from");
        LocalDate to = optionalDay(dateTo, "date_to");
        String chosen =
                status == null || status.isBlank() ? null : status.strip().toLowerCase(Locale.ROOT);
        BrowseBillingUseCase.Filter filter = new BrowseBillingUseCase.Filter(
                chosen, from, to, cursor == null || cursor.isBlank() ? null : cursor, LIST_PAGE);
        String query = "kind=" + kind + "&"
                + (chosen == null ? "" : "status=" + URLEncoder.encode(chosen, StandardCharsets.UTF_8) + "&")
                + dayQuery("date_from", from) + dayQuery("date_to", to);
        TemplateInstance view = views.page("backoffice/billing")
                .data("kind", kind)
                .data("kinds", KINDS)
                .data(
                        "statuses",
                        switch (kind) {
                            case "invoices" -> BrowseBillingUseCase.INVOICE_STATUSES;
                            case "quotes" -> BrowseBillingUseCase.QUOTE_STATUSES;
                            default -> List.of();
                        })
                .data("status", Objects.toString(chosen, ""))
                .data("dateFrom", Objects.toString(from, ""))
                .data("dateTo", Objects.toString(to, ""))
                .data("firstQuery", query)
                .data("paged", cursor != null && !cursor.isBlank())
                .data("unavailable", null);
        Page<?> page;
        try {
            page = switch (kind) {
                case "invoices" -> browse.invoices(caller(), filter);
                case "quotes" -> browse.quotes(caller(), filter);
                default -> browse.customers(caller(), filter);
            };
        } catch (DomainException e) {
            return unavailable(e, view.data("page", null).data("nextQuery", null));
        }
        return views.html(view.data("page", page)
                .data(
                        "nextQuery",
                        page.nextCursor() == null
                                ? null
                                : query + "cursor=" + URLEncoder.encode(page.nextCursor(), StandardCharsets.UTF_8)));
    }

    @GET
    @Path("/invoices/{id}")
    public Response invoice(@PathParam("id") String id, @QueryParam("done") String done) {
        TemplateInstance view = views.page("backoffice/billing-invoice")
                .data("mayLink", AccessPolicy.can(caller(), Capability.CONTRACTS_LIFECYCLE))
                .data("done", done != null)
                .data("unavailable", null);
        try {
            return views.html(view.data("view", browse.invoice(caller(), id)));
        } catch (DomainException e) {
            return unavailable(e, view.data("view", null));
        }
    }

    /** Attaches the invoice to the contract given (its id), or marks it not contract-related (ADMIN). */
    @POST
    @Path("/invoices/{id}/contract")
    public Response link(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        FormValues values = new FormValues(form);
        boolean notRelated = values.text("not_contract_related") != null;
        UUID contract = notRelated ? null : optionalId(values.text("contract"), "contract");
        values.check();
        BrowseBillingUseCase.InvoiceView linked = links.link(caller(), id, ContractId.ofNullable(contract), notRelated);
        return views.redirect(
                "/ui/billing/invoices/" + encoded(linked.entry().invoice().id()) + "?done=saved");
    }

    /** Forgets staff's decision: the invoice goes back to the contract of its quote (ADMIN). */
    @POST
    @Path("/invoices/{id}/forget")
    public Response forget(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        links.forget(caller(), id);
        return views.redirect("/ui/billing/invoices/" + encoded(id) + "?done=saved");
    }

    @ServerExceptionMapper
    public Response refused(DomainException e) {
        return views.failure(e);
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return views.failure(e);
    }

    /** The page with the provider's refusal as its message (503); any other refusal is the console's error page. */
    private Response unavailable(DomainException e, TemplateInstance view) {
        if (!PROVIDER_DOWN.contains(e.code())) {
            throw e;
        }
        return views.html(503, view.data("unavailable", views.headline(e)));
    }

    private static String encoded(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
}
