package com.tentabo.prm.adapters.web.portal;

import com.tentabo.prm.adapters.web.support.ConsolePages;
import com.tentabo.prm.adapters.web.support.ConsoleRequest;
import com.tentabo.prm.adapters.web.support.FormValues;
import com.tentabo.prm.adapters.web.support.Views;
import com.tentabo.prm.application.lead.port.in.LeadFollowUpUseCase;
import com.tentabo.prm.application.lead.port.in.ManageLeadsUseCase;
import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.id.EntityId;
import com.tentabo.prm.domain.id.LeadActivityId;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.lead.ActivityType;
import com.tentabo.prm.domain.lead.Lead;
import com.tentabo.prm.domain.lead.LeadDetails;
import com.tentabo.prm.domain.lead.LeadStatus;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorKind;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Leads in the caller's scope: the board (one column per status, each card offering only the moves the pipeline
 * allows), the filterable list with keyset pages, the detail (activities, notes, status history, status change with a
 * reason) and the create and edit forms, whose refusals are shown beside the fields.
 */
@Path("/ui/leads")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class LeadsPage extends ConsolePages {

    /** The newest activities and notes a detail page shows (the API pages through all of them). */
    static final int DETAIL_ROWS = 200;

    /** Cards per column on the board: the newest; the list shows every lead. */
    static final int BOARD_COLUMN = 12;

    static final int LIST_PAGE = 25;
    static final List<LeadStatus> COLUMNS = List.of(LeadStatus.values());

    private final ManageLeadsUseCase leads;
    private final LeadFollowUpUseCase followUp;
    private final PartnerChoices partners;

    public LeadsPage(
            ConsoleRequest request,
            Views views,
            ManageLeadsUseCase leads,
            LeadFollowUpUseCase followUp,
            PartnerChoices partners) {
        super(request, views);
        this.leads = leads;
        this.followUp = followUp;
        this.partners = partners;
    }

    /** One column of the board. */
    public record Column(LeadStatus status, List<Card> cards, boolean more) {}

    /** A card: the lead and the statuses it may move to (space-separated for the drag-and-drop script). */
    public record Card(Lead lead, List<LeadStatus> targets, String allowed) {}

    @GET
    @Path("/board")
    public Response board(@QueryParam("partner") String partner) {
        PartnerId partnerId = PartnerId.ofNullable(optionalId(partner, "partner"));
        Map<LeadStatus, Page<Lead>> board = leads.board(caller(), COLUMNS, partnerId, BOARD_COLUMN);
        List<Column> columns = new ArrayList<>();
        for (LeadStatus status : COLUMNS) {
            Page<Lead> page = board.get(status);
            columns.add(new Column(
                    status, page.items().stream().map(LeadsPage::card).toList(), page.nextCursor() != null));
        }
        return views.html(views.page("portal/leads-board")
                .data("columns", columns)
                .data("partners", partners.of(caller(), EntityId.uuid(partnerId)))
                .data("partner", partnerId == null ? "" : partnerId.toString())
                .data("boardSize", BOARD_COLUMN));
    }

    @GET
    public Response list(
            @QueryParam("q") String q,
            @QueryParam("status") String status,
            @QueryParam("partner") String partner,
            @QueryParam("cursor") String cursor) {
        PartnerId partnerId = PartnerId.ofNullable(optionalId(partner, "partner"));
        LeadStatus chosen = status == null || status.isBlank() ? null : leadStatus(status);
        String search = q == null || q.isBlank() ? null : q.trim();
        Page<Lead> page = leads.list(
                caller(),
                new ManageLeadsUseCase.ListLeads(
                        chosen == null ? Set.of() : Set.of(chosen),
                        null,
                        partnerId,
                        null,
                        null,
                        null,
                        null,
                        search,
                        LIST_PAGE,
                        cursor == null || cursor.isBlank() ? null : cursor));
        Map<String, String> filters = new HashMap<>();
        filters.put("q", search == null ? "" : search);
        filters.put("status", chosen == null ? "" : chosen.name().toLowerCase(Locale.ROOT));
        filters.put("partner", partnerId == null ? "" : partnerId.toString());
        return views.html(views.page("portal/leads-list")
                .data("page", page)
                .data("filters", filters)
                .data("statuses", COLUMNS)
                .data("partners", partners.of(caller(), EntityId.uuid(partnerId)))
                .data("nextQuery", nextQuery(filters, page.nextCursor()))
                .data("paged", cursor != null && !cursor.isBlank()));
    }

    @GET
    @Path("/new")
    public Response newLead() {
        return views.html(form(null, Map.of(), Map.of("currency", "EUR"), null));
    }

    @POST
    public Response create(MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        FormValues values = new FormValues(form);
        try {
            LeadDetails details = details(values);
            PartnerId partnerId = PartnerId.ofNullable(optionalId(values.text("partner_id"), "partner_id"));
            Lead lead = leads.create(caller(), new ManageLeadsUseCase.CreateLead(details, null, partnerId, null), null)
                    .value();
            return views.redirect("/ui/leads/" + lead.id());
        } catch (DomainException e) {
            return refusedForm(e, null, form);
        }
    }

    @GET
    @Path("/{id}")
    public Response detail(@PathParam("id") String rawId) {
        LeadId id = new LeadId(id(rawId));
        Lead lead = leads.get(caller(), id);
        return views.html(views.page("portal/lead")
                .data("lead", lead)
                .data("card", card(lead))
                .data("history", leads.history(caller(), id))
                .data(
                        "activities",
                        followUp.activities(caller(), id, null, DETAIL_ROWS).items())
                .data("notes", followUp.notes(caller(), id, null, DETAIL_ROWS).items())
                .data("activityTypes", ActivityType.values()));
    }

    @GET
    @Path("/{id}/edit")
    public Response edit(@PathParam("id") String rawId) {
        Lead lead = leads.get(caller(), new LeadId(id(rawId)));
        return views.html(form(lead, Map.of(), values(lead.details()), null));
    }

    @POST
    @Path("/{id}")
    public Response update(@PathParam("id") String rawId, MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        LeadId id = new LeadId(id(rawId));
        Lead lead = leads.get(caller(), id);
        try {
            leads.update(caller(), id, details(new FormValues(form)), ExpectedVersion.any());
            return views.redirect("/ui/leads/" + id);
        } catch (DomainException e) {
            return refusedForm(e, lead, form);
        }
    }

    /** A move along the pipeline, from the board (htmx swaps the board) or the detail page. */
    @POST
    @Path("/{id}/status")
    public Response changeStatus(@PathParam("id") String rawId, MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        LeadId id = new LeadId(id(rawId));
        FormValues values = new FormValues(form);
        String target = values.text("status");
        if (target == null) {
            throw DomainException.invalid("status", "choose the next status");
        }
        leads.changeStatus(caller(), id, leadStatus(target), values.text("reason"), ExpectedVersion.any());
        String back = values.text("back");
        if (back != null && back.startsWith("/ui/leads/board") && request.htmx()) {
            String partner = back.contains("partner=") ? back.substring(back.indexOf("partner=") + 8) : null;
            return board(partner);
        }
        return views.redirect(back == null ? "/ui/leads/" + id : back);
    }

    @POST
    @Path("/{id}/activities")
    public Response addActivity(@PathParam("id") String rawId, MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        LeadId id = new LeadId(id(rawId));
        FormValues values = new FormValues(form);
        String type = values.text("activity_type");
        java.time.Instant due = values.date("due_date");
        values.check();
        followUp.addActivity(
                caller(),
                id,
                new LeadFollowUpUseCase.ActivityCommand(
                        type == null ? ActivityType.TASK : activityType(type),
                        values.text("subject"),
                        values.text("description"),
                        due,
                        null),
                null);
        return views.redirect("/ui/leads/" + id + "#activities");
    }

    @POST
    @Path("/{id}/activities/{activity}/done")
    public Response markActivity(
            @PathParam("id") String rawId,
            @PathParam("activity") String rawActivity,
            MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        LeadId id = new LeadId(id(rawId));
        followUp.markActivity(
                caller(),
                id,
                new LeadActivityId(id(rawActivity)),
                !"false".equals(new FormValues(form).text("done")),
                ExpectedVersion.any());
        return views.redirect("/ui/leads/" + id + "#activities");
    }

    @POST
    @Path("/{id}/notes")
    public Response addNote(@PathParam("id") String rawId, MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        LeadId id = new LeadId(id(rawId));
        followUp.addNote(caller(), id, new FormValues(form).text("content"), null);
        return views.redirect("/ui/leads/" + id + "#notes");
    }

    @ServerExceptionMapper
    public Response refused(DomainException e) {
        return views.failure(e);
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return views.failure(e);
    }

    static Card card(Lead lead) {
        List<LeadStatus> targets =
                COLUMNS.stream().filter(lead.status()::canMoveTo).toList();
        return new Card(
                lead,
                targets,
                String.join(
                        " ",
                        targets.stream()
                                .map(s -> s.name().toLowerCase(Locale.ROOT))
                                .toList()));
    }

    private static LeadDetails details(FormValues values) {
        String title = values.text("title");
        String organization = values.text("organization");
        String contactName = values.text("contact_name");
        String email = values.text("contact_email");
        String phone = values.text("contact_phone");
        java.math.BigDecimal value = values.decimal("value");
        String currency = values.text("currency");
        Integer probability = values.integer("probability");
        java.time.Instant close = values.date("expected_close_date");
        values.check();
        return new LeadDetails(
                title,
                organization,
                contactName,
                email,
                phone,
                value,
                value == null ? null : currency,
                probability,
                close);
    }

    private static Map<String, String> values(LeadDetails d) {
        Map<String, String> v = new HashMap<>();
        v.put("title", d.title());
        v.put("organization", d.organization());
        v.put("contact_name", d.contactName());
        v.put("contact_email", d.contactEmail());
        v.put("contact_phone", d.contactPhone());
        v.put("value", d.value() == null ? null : d.value().toPlainString());
        v.put("currency", d.currency() == null ? "EUR" : d.currency());
        v.put("probability", d.probability() == null ? null : d.probability().toString());
        v.put(
                "expected_close_date",
                d.expectedCloseDate() == null
                        ? null
                        : d.expectedCloseDate()
                                .atZone(java.time.ZoneOffset.UTC)
                                .toLocalDate()
                                .toString());
        v.values().removeIf(java.util.Objects::isNull);
        return v;
    }

    private TemplateInstance form(Lead lead, Map<String, String> errors, Map<String, String> values, String problem) {
        return views.page("portal/lead-form")
                .data("lead", lead)
                .data("errors", errors)
                .data("v", values)
                .data("problem", problem)
                .data("partners", partners.of(caller(), null));
    }

    /** A refusal of the lead's fields is shown beside them (422); any other refusal is an error page. */
    private Response refusedForm(DomainException e, Lead lead, MultivaluedMap<String, String> form) {
        if (e.code().kind() != ErrorKind.BAD_REQUEST && e.violations().isEmpty()) {
            throw e;
        }
        Map<String, String> typed = new HashMap<>();
        form.forEach((k, v) -> {
            if (!v.isEmpty() && !k.startsWith("_")) {
                typed.put(k, v.get(0));
            }
        });
        return views.html(422, form(lead, views.fieldErrors(e), typed, views.headline(e)));
    }

    private static String nextQuery(Map<String, String> filters, String cursor) {
        if (cursor == null) {
            return null;
        }
        StringBuilder q = new StringBuilder();
        for (String key : List.of("q", "status", "partner")) {
            if (!filters.get(key).isEmpty()) {
                q.append(key)
                        .append('=')
                        .append(java.net.URLEncoder.encode(filters.get(key), java.nio.charset.StandardCharsets.UTF_8))
                        .append('&');
            }
        }
        return q.append("cursor=")
                .append(java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }

    static LeadStatus leadStatus(String raw) {
        return Arrays.stream(LeadStatus.values())
                .filter(s -> s.name().equalsIgnoreCase(raw.trim()))
                .findFirst()
                .orElseThrow(() -> DomainException.invalid("status", "is not a lead status"));
    }

    private static ActivityType activityType(String raw) {
        return Arrays.stream(ActivityType.values())
                .filter(s -> s.name().equalsIgnoreCase(raw.trim()))
                .findFirst()
                .orElseThrow(() -> DomainException.invalid("activity_type", "is not an activity type"));
    }
}
