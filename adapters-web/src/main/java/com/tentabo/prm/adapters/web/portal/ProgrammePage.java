package com.tentabo.prm.adapters.web.portal;

import com.tentabo.prm.adapters.web.support.ConsolePages;
import com.tentabo.prm.adapters.web.support.ConsoleRequest;
import com.tentabo.prm.adapters.web.support.Views;
import com.tentabo.prm.application.catalog.PricingSettings;
import com.tentabo.prm.application.registration.LevelProgress;
import com.tentabo.prm.application.registration.port.in.ManageProgrammeUseCase;
import com.tentabo.prm.domain.access.Role;
import com.tentabo.prm.domain.id.EntityId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.registration.ProgrammeLevel;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * "My level": the partner's level in the programme, its trailing-12-month figures and what the next level requires
 * (computed by the programme's use case, never typed in), the levels of the programme and the partner's level history.
 * A distributor chooses one of its partners.
 */
@Path("/ui/programme")
public class ProgrammePage extends ConsolePages {

    private final ManageProgrammeUseCase programme;
    private final PartnerChoices partners;
    private final PricingSettings pricing;

    public ProgrammePage(
            ConsoleRequest request,
            Views views,
            ManageProgrammeUseCase programme,
            PartnerChoices partners,
            PricingSettings pricing) {
        super(request, views);
        this.programme = programme;
        this.partners = partners;
        this.pricing = pricing;
    }

    /** How far a figure is towards a threshold, 0–100 (100 when met or when the threshold is zero). */
    public record Gauge(BigDecimal value, BigDecimal threshold, BigDecimal missing, int percent) {
        static Gauge of(BigDecimal value, BigDecimal threshold, BigDecimal missing) {
            int percent = threshold.signum() <= 0
                    ? 100
                    : value.multiply(BigDecimal.valueOf(100))
                            .divide(threshold, 0, RoundingMode.DOWN)
                            .min(BigDecimal.valueOf(100))
                            .intValue();
            return new Gauge(value, threshold, missing, percent);
        }

        public boolean met() {
            return missing.signum() <= 0;
        }
    }

    @GET
    public Response level(@QueryParam("partner") String partner) {
        PartnerId partnerId = caller().role() == Role.DISTRIBUTOR
                ? PartnerId.ofNullable(optionalId(partner, "partner"))
                : caller().partnerId();
        var page = views.page("portal/programme")
                .data("partners", partners.of(caller(), EntityId.uuid(partnerId)))
                .data("levels", programme.levels(caller()))
                .data("currency", pricing.currency().getCurrencyCode());
        if (partnerId == null) {
            return views.html(page.data("progress", null)
                    .data("history", java.util.List.of())
                    .data("bookings", null)
                    .data("won", null));
        }
        LevelProgress progress = programme.progress(caller(), partnerId);
        ProgrammeLevel next = progress.nextLevel();
        return views.html(page.data("progress", progress)
                .data("history", programme.history(caller(), partnerId))
                .data(
                        "bookings",
                        next == null
                                ? null
                                : Gauge.of(
                                        progress.trailingBookings(),
                                        next.minTrailingBookings(),
                                        progress.bookingsToNext()))
                .data(
                        "won",
                        next == null
                                ? null
                                : Gauge.of(
                                        BigDecimal.valueOf(progress.wonRegistrations()),
                                        BigDecimal.valueOf(next.minWonRegistrations()),
                                        BigDecimal.valueOf(progress.wonRegistrationsToNext()))));
    }

    @ServerExceptionMapper
    public Response refused(com.tentabo.prm.domain.shared.DomainException e) {
        return views.failure(e);
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return views.failure(e);
    }
}
