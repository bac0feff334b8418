package com.tentabo.prm.adapters.web.portal;

import com.tentabo.prm.adapters.web.backoffice.ContractLifecyclePage;
import com.tentabo.prm.adapters.web.backoffice.StaffFilters;
import com.tentabo.prm.adapters.web.support.ConsolePages;
import com.tentabo.prm.adapters.web.support.ConsoleRequest;
import com.tentabo.prm.adapters.web.support.Views;
import com.tentabo.prm.application.catalog.port.in.BrowseCatalogUseCase;
import com.tentabo.prm.application.contract.port.in.QueryContractsUseCase;
import com.tentabo.prm.application.note.port.in.NotesUseCase;
import com.tentabo.prm.application.order.port.in.QueryOrdersUseCase;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.contract.Contract;
import com.tentabo.prm.domain.contract.ContractStatus;
import com.tentabo.prm.domain.id.ContractId;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.shared.DomainException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Contracts in the caller's scope: the list (all, or those expiring within 30/60/90 days, soonest first as the use
 * case orders them; staff also filter by status, partner and distributor), the detail with the billing provider's
 * invoices and, for ADMIN, the lifecycle actions of {@link ContractLifecyclePage} (renew, upgrade, downgrade, cancel,
 * lost, each with a reason) with the contract's notes where the reasons are kept.
 */
@Path("/ui/contracts")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class ContractsPage extends ConsolePages {

    static final int LIST_PAGE = 25;
    static final int MAX_HORIZON_DAYS = 3660;

    private final QueryContractsUseCase contracts;
    private final PartnerChoices partners;
    private final StaffFilters staffFilters;
    private final QueryOrdersUseCase orders;
    private final NotesUseCase notes;
    private final BrowseCatalogUseCase catalog;

    public ContractsPage(
            ConsoleRequest request,
            Views views,
            QueryContractsUseCase contracts,
            PartnerChoices partners,
            StaffFilters staffFilters,
            QueryOrdersUseCase orders,
            NotesUseCase notes,
            BrowseCatalogUseCase catalog) {
        super(request, views);
        this.contracts = contracts;
        this.partners = partners;
        this.staffFilters = staffFilters;
        this.orders = orders;
        this.notes = notes;
        this.catalog = catalog;
    }

    @GET
    public Response list(
            @QueryParam("expiring") String expiring,
            @QueryParam("partner") String partner,
            @QueryParam("distributor") String distributor,
            @QueryParam("status") String status,
            @QueryParam("activated_from") String activatedFrom,
            @QueryParam("activated_to") String activatedTo,
            @QueryParam("expires_from") String expiresFrom,
            @QueryParam("expires_to") String expiresTo,
            @QueryParam("cursor") String cursor) {
        UUID partnerId = optionalId(partner, "partner");
        UUID distributorId = optionalId(distributor, "distributor");
        ContractStatus chosen = status == null || status.isBlank()
                ? null
                : java.util.Arrays.stream(ContractStatus.values())
                        .filter(s -> s.name().equalsIgnoreCase(status.trim()))
                        .findFirst()
                        .orElseThrow(() -> DomainException.invalid("status", "is not a contract status"));
        Integer within = null;
        if (expiring != null && !expiring.isBlank()) {
            if (!expiring.matches("\\d{1,4}") || Integer.parseInt(expiring) > MAX_HORIZON_DAYS) {
                throw DomainException.invalid("expiring", "must be a number of days from 0 to " + MAX_HORIZON_DAYS);
            }
            within = Integer.valueOf(expiring);
        }
        LocalDate startFrom = optionalDay(activatedFrom, "activated_from");
        LocalDate startTo = optionalDay(activatedTo, "activated_to");
        LocalDate endFrom = optionalDay(expiresFrom, "expires_from");
        LocalDate endTo = optionalDay(expiresTo, "expires_to");
        Page<Contract> page = contracts.list(
                caller(),
                new QueryContractsUseCase.ContractFilter(
                        chosen != null ? Set.of(chosen) : within == null ? Set.of() : Set.of(ContractStatus.ACTIVE),
                        PartnerId.ofNullable(partnerId),
                        DistributorId.ofNullable(distributorId),
                        within,
                        cursor == null || cursor.isBlank() ? null : cursor,
                        LIST_PAGE,
                        startFrom,
                        startTo,
                        endFrom,
                        endTo));
        String filter = (within == null ? "" : "expiring=" + within + "&")
                + (partnerId == null ? "" : "partner=" + partnerId + "&")
                + (distributorId == null ? "" : "distributor=" + distributorId + "&")
                + (chosen == null ? "" : "status=" + chosen.name().toLowerCase(java.util.Locale.ROOT) + "&")
                + dayQuery("activated_from", startFrom)
                + dayQuery("activated_to", startTo)
                + dayQuery("expires_from", endFrom)
                + dayQuery("expires_to", endTo);
        return views.html(views.page("portal/contracts")
                .data("page", page)
                .data("expiring", within == null ? "" : within.toString())
                .data("partners", partners.of(caller(), partnerId))
                .data("horizons", java.util.List.of(30, 60, 90))
                .data("staffFilters", staffFilters.of(caller(), partnerId, distributorId))
                .data("statuses", ContractStatus.values())
                .data("activatedFrom", Objects.toString(startFrom, ""))
                .data("activatedTo", Objects.toString(startTo, ""))
                .data("expiresFrom", Objects.toString(endFrom, ""))
                .data("expiresTo", Objects.toString(endTo, ""))
                .data("status", chosen == null ? "" : chosen.name().toLowerCase(java.util.Locale.ROOT))
                .data(
                        "nextQuery",
                        page.nextCursor() == null
                                ? null
                                : filter + "cursor="
                                        + java.net.URLEncoder.encode(
                                                page.nextCursor(), java.nio.charset.StandardCharsets.UTF_8))
                .data("paged", cursor != null && !cursor.isBlank())
                .data("firstQuery", filter));
    }

    @GET
    @Path("/{id}")
    public Response detail(@PathParam("id") String rawId, @QueryParam("ended") String ended) {
        Contract contract = contracts.get(caller(), new ContractId(id(rawId)));
        return views.html(views.page("portal/contract")
                .data("contract", contract)
                .data("invoices", contract.billingInvoices().items())
                .data("lifecycle", ContractLifecyclePage.actions(caller(), contract, orders, catalog))
                .data(
                        "notes",
                        request.staff()
                                ? notes.list(
                                                caller(),
                                                NotesUseCase.Parent.of(contract.id()),
                                                null,
                                                LeadsPage.DETAIL_ROWS)
                                        .items()
                                : null)
                .data("ended", "cancelled".equals(ended) || "lost".equals(ended) ? ended : null));
    }

    @ServerExceptionMapper
    public Response refused(DomainException e) {
        return views.failure(e);
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return views.failure(e);
    }
}
