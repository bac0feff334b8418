package com.tentabo.prm.adapters.web.backoffice;

import com.tentabo.prm.adapters.web.support.ConsolePages;
import com.tentabo.prm.adapters.web.support.ConsoleRequest;
import com.tentabo.prm.adapters.web.support.Csrf;
import com.tentabo.prm.adapters.web.support.FormValues;
import com.tentabo.prm.adapters.web.support.Views;
import com.tentabo.prm.application.company.port.in.ManagePartnersUseCase;
import com.tentabo.prm.application.registration.LevelAssignment;
import com.tentabo.prm.application.registration.port.in.ManageProgrammeUseCase;
import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.application.shared.IdempotencyKey;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.ProgrammeLevelId;
import com.tentabo.prm.domain.registration.ProgrammeLevel;
import com.tentabo.prm.domain.shared.DomainException;
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
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The partner programme's levels (ADMIN and RESTRICTED_ADMIN): the levels by rank with their terms and thresholds,
 * a level created, edited or deleted (a level a partner holds or held is kept: 409), and a partner put at a level with a
 * reason — its history kept and shown. Everything goes through {@link ManageProgrammeUseCase}, which refuses other
 * roles (403); a level's ETag travels in the form, so a change made meanwhile is refused rather than overwritten.
 */
@Path("/ui/levels")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class LevelsPage extends ConsolePages {

    /** The form fields of a level, as the API names them. */
    static final List<String> FIELDS = List.of(
            "name",
            "rank",
            "discount_percentage",
            "registration_bonus_percentage",
            "protection_days",
            "min_trailing_bookings",
            "min_won_registrations");

    private final ManageProgrammeUseCase programme;
    private final ManagePartnersUseCase partners;

    public LevelsPage(
            ConsoleRequest request, Views views, ManageProgrammeUseCase programme, ManagePartnersUseCase partners) {
        super(request, views);
        this.programme = programme;
        this.partners = partners;
    }

    /** A level and the ETag its edit must match. */
    public record Row(ProgrammeLevel level, String version) {}

    @GET
    public Response list(@QueryParam("partner") String partner, @QueryParam("done") String done) {
        AccessPolicy.require(caller(), Capability.PROGRAMME_MANAGE);
        return views.html(listPage(optionalId(partner, "partner"), Map.of(), Map.of(), null, done));
    }

    @POST
    public Response create(MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        AccessPolicy.require(caller(), Capability.PROGRAMME_MANAGE);
        FormValues values = new FormValues(form);
        try {
            ManageProgrammeUseCase.LevelCommand command = command(values);
            String key = values.text("idempotency_key");
            ProgrammeLevel created = programme
                    .create(
                            caller(),
                            command,
                            IdempotencyKey.of(
                                    key,
                                    () -> IdempotencyKey.hash(
                                            String.valueOf(command).getBytes(StandardCharsets.UTF_8))))
                    .value();
            return views.redirect("/ui/levels?done=" + created.id());
        } catch (DomainException e) {
            return ReviewQueuePage.beside(
                    views,
                    e,
                    () -> listPage(null, views.fieldErrors(e), ReviewQueuePage.typed(form), e.detail(), null));
        }
    }

    @GET
    @Path("/{id}")
    public Response edit(@PathParam("id") String rawId) {
        AccessPolicy.require(caller(), Capability.PROGRAMME_MANAGE);
        ProgrammeLevel level = programme.level(caller(), new ProgrammeLevelId(id(rawId)));
        return views.html(editPage(level, Map.of(), values(level), null));
    }

    @POST
    @Path("/{id}")
    public Response update(@PathParam("id") String rawId, MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        AccessPolicy.require(caller(), Capability.PROGRAMME_MANAGE);
        ProgrammeLevelId id = new ProgrammeLevelId(id(rawId));
        FormValues values = new FormValues(form);
        try {
            ProgrammeLevel saved = programme.update(caller(), id, command(values), values.version());
            return views.redirect("/ui/levels?done=" + saved.id());
        } catch (DomainException e) {
            return ReviewQueuePage.beside(
                    views,
                    e,
                    () -> editPage(
                            programme.level(caller(), id),
                            views.fieldErrors(e),
                            ReviewQueuePage.typed(form),
                            e.detail()));
        }
    }

    @POST
    @Path("/{id}/delete")
    public Response delete(@PathParam("id") String rawId, MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        programme.delete(caller(), new ProgrammeLevelId(id(rawId)), new FormValues(form).version());
        return views.redirect("/ui/levels?done=deleted");
    }

    /** Puts a partner at a level, with the reason its history keeps. */
    @POST
    @Path("/assignments")
    public Response assign(MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        AccessPolicy.require(caller(), Capability.PROGRAMME_MANAGE);
        FormValues values = new FormValues(form);
        UUID partnerId = optionalId(values.text("partner_id"), "partner_id");
        try {
            UUID levelId = optionalId(values.text("level_id"), "level_id");
            values.check();
            if (partnerId == null) {
                throw DomainException.invalid("partner_id", "is required");
            }
            programme.assign(
                    caller(), new PartnerId(partnerId), ProgrammeLevelId.ofNullable(levelId), values.text("reason"));
            return views.redirect("/ui/levels?partner=" + partnerId + "&done=assigned");
        } catch (DomainException e) {
            return ReviewQueuePage.beside(
                    views,
                    e,
                    () -> listPage(partnerId, views.fieldErrors(e), ReviewQueuePage.typed(form), e.detail(), null));
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

    private TemplateInstance listPage(
            UUID partnerId, Map<String, String> errors, Map<String, String> values, String problem, String done) {
        List<Row> levels = programme.levels(caller()).stream()
                .map(l -> new Row(l, ExpectedVersion.tagOf(l.updatedAt())))
                .toList();
        List<LevelAssignment> history =
                partnerId == null ? List.of() : programme.history(caller(), new PartnerId(partnerId));
        Map<String, String> typed = new HashMap<>(values);
        typed.putIfAbsent("idempotency_key", Csrf.random());
        return views.page("backoffice/levels-list")
                .data("levels", levels)
                .data(
                        "partners",
                        partners.list(caller(), null, true, ApprovalsPage.MAX_COMPANIES, null).items().stream()
                                .map(p -> new ApprovalsPage.Choice(
                                        p.id().value(), p.profile().name()))
                                .toList())
                .data("partner", partnerId)
                .data("history", history)
                .data(
                        "partnerName",
                        partnerId == null
                                ? null
                                : partners.get(caller(), new PartnerId(partnerId))
                                        .profile()
                                        .name())
                .data("errors", errors)
                .data("v", typed)
                .data("problem", problem)
                .data("done", done);
    }

    private TemplateInstance editPage(
            ProgrammeLevel level, Map<String, String> errors, Map<String, String> values, String problem) {
        return views.page("backoffice/levels-edit")
                .data("level", level)
                .data("version", ExpectedVersion.tagOf(level.updatedAt()))
                .data("errors", errors)
                .data("v", values)
                .data("problem", problem);
    }

    /** The form's fields, read as the API reads its body; values that cannot be read are refused together. */
    private static ManageProgrammeUseCase.LevelCommand command(FormValues values) {
        String name = values.text("name");
        Integer rank = values.integer("rank");
        BigDecimal discount = orZero(values.decimal("discount_percentage"));
        BigDecimal bonus = orZero(values.decimal("registration_bonus_percentage"));
        Integer days = values.integer("protection_days");
        BigDecimal bookings = values.decimal("min_trailing_bookings");
        Integer won = values.integer("min_won_registrations");
        values.check();
        return new ManageProgrammeUseCase.LevelCommand(name, rank, discount, bonus, days, bookings, won);
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static Map<String, String> values(ProgrammeLevel level) {
        Map<String, String> values = new HashMap<>();
        values.put("name", level.name());
        values.put("rank", Integer.toString(level.rank()));
        values.put("discount_percentage", level.discountPercentage().value().toPlainString());
        values.put(
                "registration_bonus_percentage",
                level.registrationBonusPercentage().value().toPlainString());
        values.put("protection_days", Integer.toString(level.protectionDays()));
        values.put("min_trailing_bookings", level.minTrailingBookings().toPlainString());
        values.put("min_won_registrations", Integer.toString(level.minWonRegistrations()));
        return values;
    }
}
