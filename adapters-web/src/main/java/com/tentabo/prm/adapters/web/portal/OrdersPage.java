package com.tentabo.prm.adapters.web.portal;

import com.tentabo.prm.adapters.web.backoffice.StaffFilters;
import com.tentabo.prm.adapters.web.support.ConsolePages;
import com.tentabo.prm.adapters.web.support.ConsoleRequest;
import com.tentabo.prm.adapters.web.support.FormValues;
import com.tentabo.prm.adapters.web.support.Views;
import com.tentabo.prm.application.contract.port.in.ActivateContractUseCase;
import com.tentabo.prm.application.contract.port.in.QueryContractsUseCase;
import com.tentabo.prm.application.note.port.in.NotesUseCase;
import com.tentabo.prm.application.order.port.in.QueryOrdersUseCase;
import com.tentabo.prm.application.order.port.in.TransitionOrderUseCase;
import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.contract.Contract;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.order.Order;
import com.tentabo.prm.domain.order.OrderAccess;
import com.tentabo.prm.domain.order.OrderStatus;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Orders in the caller's scope: the list (status and partner filters, keyset pages) and the detail with its items and
 * price bands, notes (the use case never returns internal notes to partners and distributors) and the send and
 * cancel buttons, each shown only when the domain's rules let this caller make that move.
 */
@Path("/ui/orders")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class OrdersPage extends ConsolePages {

    static final int LIST_PAGE = 25;

    private final QueryOrdersUseCase orders;
    private final TransitionOrderUseCase transitions;
    private final NotesUseCase notes;
    private final PartnerChoices partners;
    private final QueryContractsUseCase contracts;
    private final ActivateContractUseCase activation;
    private final StaffFilters staffFilters;

    public OrdersPage(
            ConsoleRequest request,
            Views views,
            QueryOrdersUseCase orders,
            TransitionOrderUseCase transitions,
            NotesUseCase notes,
            PartnerChoices partners,
            QueryContractsUseCase contracts,
            ActivateContractUseCase activation,
            StaffFilters staffFilters) {
        super(request, views);
        this.orders = orders;
        this.transitions = transitions;
        this.notes = notes;
        this.partners = partners;
        this.contracts = contracts;
        this.activation = activation;
        this.staffFilters = staffFilters;
    }

    @GET
    public Response list(
            @QueryParam("status") String status,
            @QueryParam("partner") String partner,
            @QueryParam("distributor") String distributor,
            @QueryParam("created_from") String createdFrom,
            @QueryParam("created_to") String createdTo,
            @QueryParam("cursor") String cursor) {
        UUID partnerId = optionalId(partner, "partner");
        UUID distributorId = optionalId(distributor, "distributor");
        OrderStatus chosen = status == null || status.isBlank() ? null : orderStatus(status);
        LocalDate from = optionalDay(createdFrom, "created_from");
        LocalDate to = optionalDay(createdTo, "created_to");
        Page<Order> page = orders.list(
                caller(),
                new QueryOrdersUseCase.OrderFilter(
                        chosen == null ? Set.of() : Set.of(chosen),
                        PartnerId.ofNullable(partnerId),
                        DistributorId.ofNullable(distributorId),
                        null,
                        cursor == null || cursor.isBlank() ? null : cursor,
                        LIST_PAGE,
                        false,
                        from,
                        to));
        String filter = (chosen == null ? "" : "status=" + chosen.name().toLowerCase(Locale.ROOT) + "&")
                + (partnerId == null ? "" : "partner=" + partnerId + "&")
                + (distributorId == null ? "" : "distributor=" + distributorId + "&")
                + dayQuery("created_from", from)
                + dayQuery("created_to", to);
        return views.html(views.page("portal/orders")
                .data("page", page)
                .data("statuses", OrderStatus.values())
                .data("status", chosen == null ? "" : chosen.name().toLowerCase(Locale.ROOT))
                .data("partners", partners.of(caller(), partnerId))
                .data("staffFilters", staffFilters.of(caller(), partnerId, distributorId))
                .data("createdFrom", Objects.toString(from, ""))
                .data("createdTo", Objects.toString(to, ""))
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
    public Response detail(@PathParam("id") String rawId, @QueryParam("placed") String placed) {
        OrderId id = new OrderId(id(rawId));
        Order order = orders.get(caller(), id);
        Contract contract =
                order.status() == OrderStatus.FULFILLED && AccessPolicy.can(caller(), Capability.CONTRACTS_READ)
                        ? contracts.forOrder(caller(), id).orElse(null)
                        : null;
        return views.html(views.page("portal/order")
                .data("order", order)
                .data("mayStart", mayMove(caller(), order, OrderStatus.IN_FULFILLMENT))
                .data("mayFinish", mayMove(caller(), order, OrderStatus.FULFILLED))
                .data("contract", contract)
                .data(
                        "mayActivate",
                        contract == null
                                && order.status() == OrderStatus.FULFILLED
                                && AccessPolicy.can(caller(), Capability.CONTRACTS_ACTIVATE))
                .data(
                        "notes",
                        notes.list(caller(), NotesUseCase.Parent.of(id), null, LeadsPage.DETAIL_ROWS)
                                .items())
                .data("maySend", mayMove(caller(), order, OrderStatus.SENT))
                .data("mayCancel", mayMove(caller(), order, OrderStatus.CANCELLED))
                .data("mayNote", AccessPolicy.can(caller(), Capability.ORDER_NOTES_WRITE))
                .data("placed", placed != null));
    }

    @POST
    @Path("/{id}/send")
    public Response send(@PathParam("id") String rawId, MultivaluedMap<String, String> form) {
        return move(rawId, form, OrderStatus.SENT);
    }

    @POST
    @Path("/{id}/cancel")
    public Response cancel(@PathParam("id") String rawId, MultivaluedMap<String, String> form) {
        return move(rawId, form, OrderStatus.CANCELLED);
    }

    /** Activates the contract of a FULFILLED order (ADMIN, FULFILLER), on the given date or now; shows the contract. */
    @POST
    @Path("/{id}/contract")
    public Response activateContract(@PathParam("id") String rawId, MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        UUID id = id(rawId);
        FormValues values = new FormValues(form);
        Instant date = values.date("activation_date");
        values.check();
        Contract contract = activation.activate(
                new ActivateContractUseCase.ActivateContractCommand(caller(), new OrderId(id), date));
        return views.redirect("/ui/contracts/" + contract.id());
    }

    @POST
    @Path("/{id}/notes")
    public Response addNote(@PathParam("id") String rawId, MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        UUID id = id(rawId);
        FormValues values = new FormValues(form);
        boolean internal = request.staff() && values.text("internal") != null;
        notes.add(new NotesUseCase.AddNoteCommand(
                caller(), NotesUseCase.Parent.of(new OrderId(id)), values.text("content"), internal, false, null));
        return views.redirect("/ui/orders/" + id + "#notes");
    }

    @ServerExceptionMapper
    public Response refused(DomainException e) {
        return views.failure(e);
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return views.failure(e);
    }

    private Response move(String rawId, MultivaluedMap<String, String> form, OrderStatus to) {
        request.requireCsrf(form);
        OrderId id = new OrderId(id(rawId));
        FormValues values = new FormValues(form);
        ExpectedVersion version = values.versionNumber();
        values.check();
        transitions.transition(
                new TransitionOrderUseCase.TransitionOrderCommand(caller(), id, to, values.text("reason"), version));
        return views.redirect("/ui/orders/" + id);
    }

    /** Whether the order may move there and this caller may make that move (the domain's rules, asked, not copied). */
    static boolean mayMove(Caller caller, Order order, OrderStatus to) {
        if (!Order.canMove(order.status(), to)) {
            return false;
        }
        try {
            OrderAccess.requireMayMove(caller, order, to);
            return true;
        } catch (DomainException refused) {
            return false;
        }
    }

    static OrderStatus orderStatus(String raw) {
        return Arrays.stream(OrderStatus.values())
                .filter(s -> s.name().equalsIgnoreCase(raw.trim()))
                .findFirst()
                .orElseThrow(() -> DomainException.invalid("status", "is not an order status"));
    }

    static List<OrderStatus> statuses() {
        return List.of(OrderStatus.values());
    }
}
