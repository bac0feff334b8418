package com.tentabo.prm.adapters.web.backoffice;

import com.tentabo.prm.adapters.web.support.ConsolePages;
import com.tentabo.prm.adapters.web.support.ConsoleRequest;
import com.tentabo.prm.adapters.web.support.FormValues;
import com.tentabo.prm.adapters.web.support.Views;
import com.tentabo.prm.application.order.port.in.QueryOrdersUseCase;
import com.tentabo.prm.application.order.port.in.TransitionOrderUseCase;
import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.order.Order;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The fulfilment queue of the vendor's staff (ADMIN and FULFILLER): orders SENT or IN_FULFILLMENT, the one placed
 * first at the top (optionally of one partner), with one button to start fulfilling a sent order and one to finish an order in fulfilment. The
 * moves go through the same use case as the API (version checked, audited, notifications sent); activating the
 * contract of a fulfilled order is on the order's page.
 */
@Path("/ui/fulfilment")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class FulfilmentPage extends ConsolePages {

    static final int QUEUE_PAGE = 25;
    private static final Set<OrderStatus> WAITING = Set.of(OrderStatus.SENT, OrderStatus.IN_FULFILLMENT);

    private final QueryOrdersUseCase orders;
    private final TransitionOrderUseCase transitions;

    public FulfilmentPage(
            ConsoleRequest request, Views views, QueryOrdersUseCase orders, TransitionOrderUseCase transitions) {
        super(request, views);
        this.orders = orders;
        this.transitions = transitions;
    }

    @GET
    public Response queue(
            @QueryParam("partner") String partner,
            @QueryParam("cursor") String cursor,
            @QueryParam("done") String done) {
        AccessPolicy.require(caller(), Capability.ORDERS_FULFIL);
        UUID partnerId = optionalId(partner, "partner");
        Page<Order> page = orders.list(
                caller(),
                new QueryOrdersUseCase.OrderFilter(
                        WAITING,
                        PartnerId.ofNullable(partnerId),
                        null,
                        null,
                        cursor == null || cursor.isBlank() ? null : cursor,
                        QUEUE_PAGE,
                        true));
        String filter = partnerId == null ? "" : "partner=" + partnerId + "&";
        return views.html(views.page("backoffice/fulfilment")
                .data("page", page)
                .data("firstQuery", filter)
                .data(
                        "nextQuery",
                        page.nextCursor() == null
                                ? null
                                : filter + "cursor=" + URLEncoder.encode(page.nextCursor(), StandardCharsets.UTF_8))
                .data("paged", cursor != null && !cursor.isBlank())
                .data("done", done == null ? null : orders.get(caller(), new OrderId(id(done)))));
    }

    @POST
    @Path("/{id}/start")
    public Response start(@PathParam("id") String rawId, MultivaluedMap<String, String> form) {
        return move(rawId, form, OrderStatus.IN_FULFILLMENT);
    }

    @POST
    @Path("/{id}/finish")
    public Response finish(@PathParam("id") String rawId, MultivaluedMap<String, String> form) {
        return move(rawId, form, OrderStatus.FULFILLED);
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
        Order moved = transitions.transition(
                new TransitionOrderUseCase.TransitionOrderCommand(caller(), id, to, null, version));
        return views.redirect(
                to == OrderStatus.FULFILLED ? "/ui/orders/" + moved.id() : "/ui/fulfilment?done=" + moved.id());
    }
}
