package com.tentabo.prm.adapters.web.backoffice;

import com.tentabo.prm.adapters.web.support.ConsolePages;
import com.tentabo.prm.adapters.web.support.ConsoleRequest;
import com.tentabo.prm.adapters.web.support.FormValues;
import com.tentabo.prm.adapters.web.support.Views;
import com.tentabo.prm.application.catalog.PageRequest;
import com.tentabo.prm.application.catalog.port.in.BrowseCatalogUseCase;
import com.tentabo.prm.application.catalog.port.in.QuoteUseCase;
import com.tentabo.prm.application.catalog.port.out.ProductRepository;
import com.tentabo.prm.application.contract.port.in.QueryContractsUseCase;
import com.tentabo.prm.application.contract.port.in.RenewContractUseCase;
import com.tentabo.prm.application.contract.port.in.TransitionContractUseCase;
import com.tentabo.prm.application.note.port.in.NotesUseCase;
import com.tentabo.prm.application.order.port.in.QueryOrdersUseCase;
import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.catalog.Duration;
import com.tentabo.prm.domain.catalog.Product;
import com.tentabo.prm.domain.contract.Contract;
import com.tentabo.prm.domain.contract.ContractStatus;
import com.tentabo.prm.domain.id.ContractId;
import com.tentabo.prm.domain.id.DurationId;
import com.tentabo.prm.domain.id.ProductId;
import com.tentabo.prm.domain.order.Order;
import com.tentabo.prm.domain.order.OrderItem;
import com.tentabo.prm.domain.order.OrderKind;
import com.tentabo.prm.domain.shared.DomainException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A contract's lifecycle for ADMIN, from the contract's page: renew, upgrade or downgrade (the replacement order, as
 * {@code POST /api/v1/contracts/{id}/renewal}; its reason is kept as an internal note on the contract), cancel or mark
 * lost (as {@code POST /api/v1/contracts/{id}/transitions}, which keeps the reason itself). An upgrade or downgrade
 * takes the contract's lines with new quantities, and may add one product of the active catalog with its duration
 * and quantity (as the API's {@code items} may). Every action needs a reason. A contract out of the caller's scope
 * is 404; a role that may read it but not change it is 403, before any form value is looked at.
 */
@Path("/ui/ops/contracts")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class ContractLifecyclePage extends ConsolePages {

    private final QueryContractsUseCase contracts;
    private final QueryOrdersUseCase orders;
    private final RenewContractUseCase renewals;
    private final TransitionContractUseCase transitions;
    private final NotesUseCase notes;

    public ContractLifecyclePage(
            ConsoleRequest request,
            Views views,
            QueryContractsUseCase contracts,
            QueryOrdersUseCase orders,
            RenewContractUseCase renewals,
            TransitionContractUseCase transitions,
            NotesUseCase notes) {
        super(request, views);
        this.contracts = contracts;
        this.orders = orders;
        this.renewals = renewals;
        this.transitions = transitions;
        this.notes = notes;
    }

    /** Catalog entries an upgrade form offers to add (the first page of each, as the quote builder's). */
    static final int CATALOG_PAGE = 200;

    /**
     * What the contract's page offers an ADMIN: the lines to change, the active products and the durations another
     * line may be added with, and which moves the contract allows now.
     */
    public record Actions(
            List<OrderItem> lines,
            List<Product> products,
            List<Duration> durations,
            boolean mayReplace,
            boolean mayUpgrade,
            boolean mayCancel,
            boolean mayLose) {
        public boolean mayEnd() {
            return mayCancel || mayLose;
        }
    }

    /** The lifecycle actions this caller may take on the contract, or null when none (the page shows none). */
    public static Actions actions(
            Caller caller, Contract contract, QueryOrdersUseCase orders, BrowseCatalogUseCase catalog) {
        if (!AccessPolicy.can(caller, Capability.CONTRACTS_LIFECYCLE)) {
            return null;
        }
        boolean replaceable = contract.orderId() != null
                && (contract.status() == ContractStatus.ACTIVE || contract.status() == ContractStatus.EXPIRED);
        List<OrderItem> lines =
                replaceable ? orders.get(caller, contract.orderId()).items() : List.of();
        boolean upgradable = replaceable && contract.status() == ContractStatus.ACTIVE;
        List<Product> products = upgradable
                ? catalog.products(
                                caller,
                                new ProductRepository.Filter(true, null, null, null),
                                new PageRequest(CATALOG_PAGE, null))
                        .items()
                : List.of();
        List<Duration> durations = upgradable
                ? catalog.durations(caller, new PageRequest(CATALOG_PAGE, null)).items()
                : List.of();
        return new Actions(
                lines,
                products,
                durations,
                replaceable,
                upgradable,
                Contract.canMove(contract.status(), ContractStatus.CANCELLED),
                Contract.canMove(contract.status(), ContractStatus.LOST));
    }

    @POST
    @Path("/{id}/renew")
    public Response renew(@PathParam("id") String rawId, MultivaluedMap<String, String> form) {
        Contract contract = allowed(rawId, form);
        String reason = reason(new FormValues(form));
        return replaced(contract, OrderKind.RENEWAL, null, reason);
    }

    /**
     * An upgrade or a downgrade: the contract's lines with the quantities typed (a line at 0 is left out), plus the
     * product chosen in {@code add_product} with {@code add_duration} and {@code add_quantity} when there is one.
     */
    @POST
    @Path("/{id}/change")
    public Response change(@PathParam("id") String rawId, MultivaluedMap<String, String> form) {
        Contract contract = allowed(rawId, form);
        FormValues values = new FormValues(form);
        String kind = values.text("kind");
        OrderKind orderKind = "upgrade".equalsIgnoreCase(kind)
                ? OrderKind.UPGRADE
                : "downgrade".equalsIgnoreCase(kind) ? OrderKind.DOWNGRADE : null;
        if (orderKind == null) {
            throw DomainException.invalid("kind", "must be upgrade or downgrade");
        }
        List<OrderItem> lines = contract.orderId() == null
                ? List.of()
                : orders.get(caller(), contract.orderId()).items();
        List<QuoteUseCase.QuoteItem> items = new ArrayList<>();
        for (OrderItem line : lines) {
            Long quantity = values.quantity("quantity_" + line.id());
            if (quantity == null || quantity != 0) {
                items.add(new QuoteUseCase.QuoteItem(line.productId(), quantity, line.durationId()));
            }
        }
        UUID added = optionalId(values.text("add_product"), "add_product");
        if (added != null) {
            Long quantity = values.quantity("add_quantity");
            if (quantity == null && values.text("add_quantity") == null) {
                values.check();
                throw DomainException.invalid("add_quantity", "is required");
            }
            items.add(new QuoteUseCase.QuoteItem(
                    new ProductId(added),
                    quantity,
                    DurationId.ofNullable(optionalId(values.text("add_duration"), "add_duration"))));
        }
        String reason = reason(values);
        values.check();
        if (items.isEmpty() && !lines.isEmpty()) {
            throw DomainException.invalid("items", "keep at least one line (cancel the contract to end it)");
        }
        // a contract without an order has no lines: the use case refuses it with its own reason
        return replaced(contract, orderKind, items.isEmpty() ? null : items, reason);
    }

    /** Cancels the contract or marks it lost, with the reason, the contract's version checked. */
    @POST
    @Path("/{id}/end")
    public Response end(@PathParam("id") String rawId, MultivaluedMap<String, String> form) {
        Contract contract = allowed(rawId, form);
        FormValues values = new FormValues(form);
        String to = values.text("to");
        ExpectedVersion version = values.versionNumber();
        values.check();
        ContractStatus status = "cancelled".equalsIgnoreCase(to)
                ? ContractStatus.CANCELLED
                : "lost".equalsIgnoreCase(to) ? ContractStatus.LOST : null;
        if (status == null) {
            throw DomainException.invalid("to", "must be cancelled or lost");
        }
        transitions.transition(new TransitionContractUseCase.TransitionContractCommand(
                caller(), contract.id(), status, values.text("reason"), version));
        return views.redirect(
                "/ui/contracts/" + contract.id() + "?ended=" + status.name().toLowerCase(Locale.ROOT));
    }

    @ServerExceptionMapper
    public Response refused(DomainException e) {
        return views.failure(e);
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return views.failure(e);
    }

    /** The contract if in scope (else 404) and if this caller may change it (else 403), the form being genuine. */
    private Contract allowed(String rawId, MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        Contract contract = contracts.get(caller(), new ContractId(id(rawId)));
        AccessPolicy.require(caller(), Capability.CONTRACTS_LIFECYCLE);
        return contract;
    }

    private static String reason(FormValues values) {
        String reason = values.text("reason");
        if (reason == null) {
            throw DomainException.invalid("reason", "is required");
        }
        return reason;
    }

    private Response replaced(Contract contract, OrderKind kind, List<QuoteUseCase.QuoteItem> items, String reason) {
        Order order = renewals.renew(
                        new RenewContractUseCase.RenewContractCommand(caller(), contract.id(), kind, items, null, null))
                .value();
        notes.add(new NotesUseCase.AddNoteCommand(
                caller(),
                NotesUseCase.Parent.of(contract.id()),
                kind.name().toLowerCase(Locale.ROOT) + " → " + order.number() + ": " + reason,
                true,
                false,
                null));
        return views.redirect("/ui/orders/" + order.id());
    }
}
