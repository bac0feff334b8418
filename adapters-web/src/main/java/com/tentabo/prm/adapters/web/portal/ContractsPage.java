package com.tentabo.prm.adapters.web.portal;

import com.tentabo.prm.adapters.web.support.ConsolePages;
import com.tentabo.prm.adapters.web.support.ConsoleRequest;
import com.tentabo.prm.adapters.web.support.Views;
import com.tentabo.prm.application.contract.port.in.QueryContractsUseCase;
import com.tentabo.prm.application.contract.port.in.RenewContractUseCase;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.contract.Contract;
import com.tentabo.prm.domain.contract.ContractStatus;
import com.tentabo.prm.domain.order.OrderKind;
import com.tentabo.prm.domain.shared.DomainException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Set;
import java.util.UUID;

/**
 * Contracts in the caller's scope: the list (all, or those expiring within 30/60/90 days, soonest first as the use
 * case orders them), the detail with the billing provider's invoices, and the renewal order for those who may create
 * one (administrators: the button shows only for them).
 */
@Path("/ui/contracts")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class ContractsPage extends ConsolePages {

    static final int LIST_PAGE = 25;
    static final int MAX_HORIZON_DAYS = 3660;

    private final QueryContractsUseCase contracts;
    private final RenewContractUseCase renewals;
    private final PartnerChoices partners;

    public ContractsPage(ConsoleRequest request, Views views, QueryContractsUseCase contracts, RenewContractUseCase renewals,
                         PartnerChoices partners) {
        super(request, views);
        this.contracts = contracts;
        this.renewals = renewals;
        this.partners = partners;
    }

    @GET
    public Response list(@QueryParam("expiring") String expiring, @QueryParam("partner") String partner,
                         @QueryParam("cursor") String cursor) {
        UUID partnerId = optionalId(partner, "partner");
        Integer within = null;
        if (expiring != null && !expiring.isBlank()) {
            if (!expiring.matches("\\d{1,4}") || Integer.parseInt(expiring) > MAX_HORIZON_DAYS) {
                throw DomainException.invalid("expiring", "must be a number of days from 0 to " + MAX_HORIZON_DAYS);
            }
            within = Integer.valueOf(expiring);
        }
        Page<Contract> page = contracts.list(caller(), new QueryContractsUseCase.ContractFilter(
                within == null ? Set.of() : Set.of(ContractStatus.ACTIVE), partnerId, null, within,
                cursor == null || cursor.isBlank() ? null : cursor, LIST_PAGE));
        String filter = (within == null ? "" : "expiring=" + within + "&") + (partnerId == null ? "" : "partner=" + partnerId + "&");
        return views.html(views.page("portal/contracts").data("page", page).data("expiring", within == null ? "" : within.toString())
                .data("partners", partners.of(caller(), partnerId)).data("horizons", java.util.List.of(30, 60, 90))
                .data("nextQuery", page.nextCursor() == null ? null : filter + "cursor="
                        + java.net.URLEncoder.encode(page.nextCursor(), java.nio.charset.StandardCharsets.UTF_8))
                .data("paged", cursor != null && !cursor.isBlank()).data("firstQuery", filter));
    }

    @GET
    @Path("/{id}")
    public Response detail(@PathParam("id") String rawId) {
        Contract contract = contracts.get(caller(), id(rawId));
        return views.html(views.page("portal/contract").data("contract", contract)
                .data("invoices", contract.billingInvoices().items())
                .data("mayRenew", AccessPolicy.can(caller(), Capability.CONTRACTS_LIFECYCLE)
                        && contract.status() == ContractStatus.ACTIVE));
    }

    @POST
    @Path("/{id}/renewal")
    public Response renew(@PathParam("id") String rawId, MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        var created = renewals.renew(new RenewContractUseCase.RenewContractCommand(caller(), id(rawId), OrderKind.RENEWAL,
                null, null, null));
        return views.redirect("/ui/orders/" + created.value().id());
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
