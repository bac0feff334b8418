package com.tentabo.prm.adapters.rest.billing;

import com.tentabo.prm.adapters.rest.security.CallerContext;
import com.tentabo.prm.adapters.rest.shared.PageResponse;
import com.tentabo.prm.adapters.rest.shared.QueryParams;
import com.tentabo.prm.application.provider.port.in.BrowseBillingUseCase;
import com.tentabo.prm.application.provider.port.in.BrowseBillingUseCase.CustomerView;
import com.tentabo.prm.application.provider.port.in.BrowseBillingUseCase.InvoiceView;
import com.tentabo.prm.application.provider.port.in.BrowseBillingUseCase.QuoteView;
import com.tentabo.prm.application.provider.port.in.LinkBillingInvoiceUseCase;
import com.tentabo.prm.domain.id.ContractId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What the active billing provider holds, read through it in the caller's scope (docs: providers.md, "Browsing
 * billing"), and staff's manual link of an invoice to a contract.
 */
@Path("/api/v1/billing")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "billing")
public class BillingResource {

    static final String READERS = "Who may call: ADMIN, RESTRICTED_ADMIN and FULFILLER (every record); PARTNER and "
            + "DISTRIBUTOR users (the records of their company's billing customer, and of their assigned partners').";

    /** The company a billing customer stands for ({@code partner} or {@code distributor}). */
    public record CompanyResponse(UUID id, String kind, String name) {}

    public record CustomerResponse(
            String id,
            String provider,
            String name,
            String customerType,
            String externalReference,
            List<String> emails,
            CompanyResponse company) {
        static CustomerResponse of(CustomerView view) {
            var company = view.company();
            return new CustomerResponse(
                    view.customer().id(),
                    view.provider(),
                    view.customer().name(),
                    view.customer().customerType(),
                    view.customer().externalReference(),
                    view.customer().emails(),
                    company == null
                            ? null
                            : new CompanyResponse(
                                    company.companyId().value(),
                                    company.distributor() ? "distributor" : "partner",
                                    company.name()));
        }
    }

    /**
     * An invoice: amounts exact (with tax, and what remains to be paid); {@code contract_link} says how
     * {@code contract_id} was found: {@code quote}, {@code manual}, {@code not_contract_related}, or null.
     */
    public record InvoiceResponse(
            String id,
            String provider,
            String number,
            String status,
            Boolean paid,
            Boolean draft,
            BigDecimal amount,
            BigDecimal remaining,
            String currency,
            LocalDate date,
            LocalDate deadline,
            String customerId,
            String quoteId,
            UUID orderId,
            UUID contractId,
            String contractLink) {
        static InvoiceResponse of(InvoiceView view) {
            return BillingResponseMapper.INSTANCE.invoice(view);
        }
    }

    public record QuoteResponse(
            String id,
            String provider,
            String number,
            String status,
            BigDecimal amountBeforeTax,
            BigDecimal amount,
            String currency,
            LocalDate date,
            LocalDate deadline,
            String customerId,
            Instant updatedAt,
            UUID orderId,
            UUID contractId) {
        static QuoteResponse of(QuoteView view) {
            return BillingResponseMapper.INSTANCE.quote(view);
        }
    }

    /** Either {@code contract_id}, or {@code not_contract_related: true}. */
    public record LinkRequest(UUID contractId, Boolean notContractRelated) {}

    private final CallerContext callers;
    private final BrowseBillingUseCase browse;
    private final LinkBillingInvoiceUseCase links;

    public BillingResource(CallerContext callers, BrowseBillingUseCase browse, LinkBillingInvoiceUseCase links) {
        this.callers = callers;
        this.browse = browse;
        this.links = links;
    }

    @GET
    @Path("/customers")
    @Operation(
            operationId = "listBillingCustomers",
            description = READERS,
            summary = "The active billing provider's customers, with the company each stands for")
    public PageResponse<CustomerResponse> customers(
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        return PageResponse.of(
                browse.customers(
                        callers.require(),
                        new BrowseBillingUseCase.Filter(null, null, null, cursor, QueryParams.integer("limit", limit))),
                CustomerResponse::of);
    }

    @GET
    @Path("/invoices")
    @Operation(
            operationId = "listBillingInvoices",
            description = READERS,
            summary = "The active billing provider's invoices, newest first; filters status (draft, finalized), "
                    + "date_from, date_to")
    public PageResponse<InvoiceResponse> invoices(
            @QueryParam("status") String status,
            @QueryParam("date_from") String dateFrom,
            @QueryParam("date_to") String dateTo,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        return PageResponse.of(
                browse.invoices(callers.require(), filter(status, dateFrom, dateTo, cursor, limit)),
                InvoiceResponse::of);
    }

    @GET
    @Path("/invoices/{invoice}")
    @Operation(
            operationId = "getBillingInvoice",
            description = READERS,
            summary = "One invoice of the billing provider")
    public InvoiceResponse invoice(@PathParam("invoice") String invoice) {
        return InvoiceResponse.of(browse.invoice(callers.require(), invoice));
    }

    @PUT
    @Path("/invoices/{invoice}/contract")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "linkBillingInvoice",
            description = "Who may call: ADMIN only.",
            summary = "Attach the invoice to a contract by hand, or mark it not contract-related; the sync keeps it")
    public InvoiceResponse link(@PathParam("invoice") String invoice, @Valid @NotNull LinkRequest request) {
        return InvoiceResponse.of(links.link(
                callers.require(),
                invoice,
                ContractId.ofNullable(request.contractId()),
                Boolean.TRUE.equals(request.notContractRelated())));
    }

    @DELETE
    @Path("/invoices/{invoice}/contract")
    @Operation(
            operationId = "unlinkBillingInvoice",
            description = "Who may call: ADMIN only.",
            summary = "Forget staff's decision: the invoice follows its quote again from the next sync")
    public Response unlink(@PathParam("invoice") String invoice) {
        links.forget(callers.require(), invoice);
        return Response.noContent().build();
    }

    @GET
    @Path("/quotes")
    @Operation(
            operationId = "listBillingQuotes",
            description = READERS,
            summary = "The active billing provider's quotes, newest first; filters status (pending, accepted, "
                    + "denied, invoiced, expired), date_from, date_to")
    public PageResponse<QuoteResponse> quotes(
            @QueryParam("status") String status,
            @QueryParam("date_from") String dateFrom,
            @QueryParam("date_to") String dateTo,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        return PageResponse.of(
                browse.quotes(callers.require(), filter(status, dateFrom, dateTo, cursor, limit)), QuoteResponse::of);
    }

    private static BrowseBillingUseCase.Filter filter(
            String status, String dateFrom, String dateTo, String cursor, String limit) {
        return new BrowseBillingUseCase.Filter(
                status,
                date("date_from", dateFrom),
                date("date_to", dateTo),
                cursor,
                QueryParams.integer("limit", limit));
    }

    private static LocalDate date(String name, String raw) {
        Instant instant = QueryParams.instant(name, raw);
        return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
