package com.tentabo.prm.adapters.web.portal;

import com.tentabo.prm.adapters.web.support.ConsolePages;
import com.tentabo.prm.adapters.web.support.ConsoleRequest;
import com.tentabo.prm.adapters.web.support.Views;
import com.tentabo.prm.application.dashboard.Dashboard;
import com.tentabo.prm.application.dashboard.port.in.ViewDashboardUseCase;
import com.tentabo.prm.domain.shared.DomainException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The home page: pipeline, orders, revenue chart, renewals within 90 days and what waits for the caller. */
@Path("/ui")
public class DashboardPage extends ConsolePages {

    static final int RENEWAL_HORIZON_DAYS = 90;

    private final ViewDashboardUseCase dashboard;
    private final Clock clock;

    public DashboardPage(ConsoleRequest request, Views views, ViewDashboardUseCase dashboard, Clock clock) {
        super(request, views);
        this.dashboard = dashboard;
        this.clock = clock;
    }

    @GET
    public Response home() {
        Dashboard board = dashboard.view(caller(), RENEWAL_HORIZON_DAYS);
        long toSend = board.orders() == null
                ? 0
                : board.orders().byStatus().stream()
                        .filter(l -> l.status() == com.tentabo.prm.domain.order.OrderStatus.CREATED)
                        .mapToLong(Dashboard.StatusLine::count)
                        .sum();
        return views.html(views.page("portal/dashboard")
                .data("board", board)
                .data("toSend", toSend)
                .data("chart", RevenueChart.of(board.revenue(), "EUR"))
                .data("horizons", java.util.List.of(30, 60, 90))
                .data("daysLeft", new DaysLeft(clock)));
    }

    /** Any other address under {@code /ui}: the console's own "not found" page (signed in), not the API's JSON. */
    @GET
    @Path("/{unknown: .+}")
    public Response unknown() {
        throw new DomainException(com.tentabo.prm.domain.shared.ErrorCode.ROUTE_NOT_FOUND, "No page at this address");
    }

    /** Days from now to a date, for "expires in n days" (negative when overdue). */
    public record DaysLeft(Clock clock) {
        public long of(java.time.Instant at) {
            return at == null ? 0 : Duration.between(clock.instant(), at).toDays();
        }
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
