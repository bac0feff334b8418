package com.tentabo.prm.adapters.rest.dashboard;

import com.tentabo.prm.adapters.rest.security.CallerContext;
import com.tentabo.prm.adapters.rest.shared.QueryParams;
import com.tentabo.prm.application.dashboard.Dashboard;
import com.tentabo.prm.application.dashboard.port.in.ViewDashboardUseCase;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's dashboard. The use case's result is the answer as it is (snake_case, amounts as decimal strings,
 * months as {@code YYYY-MM}): it is already a read model made for this page, so no second mirror of it is kept here.
 */
@Path("/api/v1/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "dashboard")
public class DashboardResource {

    private final CallerContext callers;
    private final ViewDashboardUseCase dashboard;

    public DashboardResource(CallerContext callers, ViewDashboardUseCase dashboard) {
        this.callers = callers;
        this.dashboard = dashboard;
    }

    @GET
    @Operation(
            operationId = "getDashboard",
            description = "Who may call: Every role, in its scope; sections a role may not see are left out.",
            summary = "Pipeline, orders, revenue and renewals in your scope; sections your role may not read are null")
    public Dashboard view(@QueryParam("expiring_within_days") String expiringWithinDays) {
        return dashboard.view(callers.require(), QueryParams.integer("expiring_within_days", expiringWithinDays));
    }
}
