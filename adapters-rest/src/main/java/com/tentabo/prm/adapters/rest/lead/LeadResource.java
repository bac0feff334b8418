package com.tentabo.prm.adapters.rest.lead;

import com.tentabo.prm.adapters.rest.lead.LeadDtos.ActivityList;
import com.tentabo.prm.adapters.rest.lead.LeadDtos.ActivityRequest;
import com.tentabo.prm.adapters.rest.lead.LeadDtos.ActivityResponse;
import com.tentabo.prm.adapters.rest.lead.LeadDtos.CreateLeadRequest;
import com.tentabo.prm.adapters.rest.lead.LeadDtos.DoneRequest;
import com.tentabo.prm.adapters.rest.lead.LeadDtos.HistoryList;
import com.tentabo.prm.adapters.rest.lead.LeadDtos.HistoryResponse;
import com.tentabo.prm.adapters.rest.lead.LeadDtos.LeadPage;
import com.tentabo.prm.adapters.rest.lead.LeadDtos.LeadResponse;
import com.tentabo.prm.adapters.rest.lead.LeadDtos.NoteList;
import com.tentabo.prm.adapters.rest.lead.LeadDtos.NoteRequest;
import com.tentabo.prm.adapters.rest.lead.LeadDtos.NoteResponse;
import com.tentabo.prm.adapters.rest.lead.LeadDtos.OwnerRequest;
import com.tentabo.prm.adapters.rest.lead.LeadDtos.StatusRequest;
import com.tentabo.prm.adapters.rest.lead.LeadDtos.UpdateLeadRequest;
import com.tentabo.prm.adapters.rest.order.OrderRequests;
import com.tentabo.prm.adapters.rest.order.OrderResponse;
import com.tentabo.prm.adapters.rest.security.CallerContext;
import com.tentabo.prm.adapters.rest.shared.IdempotencyKeys;
import com.tentabo.prm.adapters.rest.shared.PathIds;
import com.tentabo.prm.adapters.rest.shared.QueryParams;
import com.tentabo.prm.adapters.rest.shared.Versions;
import com.tentabo.prm.application.lead.port.in.LeadFollowUpUseCase;
import com.tentabo.prm.application.lead.port.in.ManageLeadsUseCase;
import com.tentabo.prm.application.order.port.in.PlaceOrderUseCase;
import com.tentabo.prm.application.shared.Created;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.LeadActivityId;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.id.LeadNoteId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.lead.Lead;
import com.tentabo.prm.domain.lead.LeadActivity;
import com.tentabo.prm.domain.lead.LeadStatus;
import com.tentabo.prm.domain.shared.DomainException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/leads")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "leads")
public class LeadResource {

    private static final Set<String> INCLUDES = Set.of("activities", "notes", "status_history");
    /** How many activities and notes {@code include=} embeds: the first page of the largest size; page the rest. */
    private static final int EMBEDDED = 200;

    private final ManageLeadsUseCase leads;
    private final LeadFollowUpUseCase followUp;
    private final CallerContext callers;
    private final PlaceOrderUseCase orders;

    public LeadResource(
            ManageLeadsUseCase leads, LeadFollowUpUseCase followUp, CallerContext callers, PlaceOrderUseCase orders) {
        this.leads = leads;
        this.followUp = followUp;
        this.callers = callers;
        this.orders = orders;
    }

    @POST
    @Operation(
            operationId = "createLead",
            description =
                    "Who may call: ADMIN, RESTRICTED_ADMIN; PARTNER and DISTRIBUTOR users within their scope; FULFILLER: 403.",
            summary = "Create a lead in the caller's scope (status new; owner = caller unless an ADMIN sets owner_id)")
    @APIResponseSchema(value = LeadResponse.class, responseCode = "201", responseDescription = "Created")
    public Response create(
            @Valid @NotNull CreateLeadRequest request, @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        Created<Lead> created = leads.create(
                callers.require(),
                new ManageLeadsUseCase.CreateLead(
                        request.details(),
                        UserId.ofNullable(request.ownerId()),
                        PartnerId.ofNullable(request.partnerId()),
                        DistributorId.ofNullable(request.distributorId())),
                IdempotencyKeys.of(idempotencyKey, request));
        Lead lead = created.value();
        return IdempotencyKeys.created(URI.create("/api/v1/leads/" + lead.id()), created, LeadResponse.of(lead))
                .build();
    }

    @GET
    @Operation(
            operationId = "listLeads",
            description =
                    "Who may call: ADMIN, RESTRICTED_ADMIN; PARTNER and DISTRIBUTOR users within their scope; FULFILLER: 403.",
            summary =
                    "List the leads in scope, newest first, keyset-paginated; filters: status (repeat or comma-separate), "
                            + "owner_id, partner_id, distributor_id, expected_close_from, expected_close_to, provider, q (full text)")
    public LeadPage list(
            @QueryParam("status") List<String> status,
            @QueryParam("owner_id") String ownerId,
            @QueryParam("partner_id") String partnerId,
            @QueryParam("distributor_id") String distributorId,
            @QueryParam("expected_close_from") String closeFrom,
            @QueryParam("expected_close_to") String closeTo,
            @QueryParam("provider") String provider,
            @QueryParam("q") String q,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        Page<Lead> page = leads.list(
                callers.require(),
                new ManageLeadsUseCase.ListLeads(
                        new HashSet<>(QueryParams.enums("status", status, LeadStatus.class)),
                        UserId.ofNullable(PathIds.optionalUuid("owner_id", ownerId)),
                        PartnerId.ofNullable(PathIds.optionalUuid("partner_id", partnerId)),
                        DistributorId.ofNullable(PathIds.optionalUuid("distributor_id", distributorId)),
                        QueryParams.instant("expected_close_from", closeFrom),
                        QueryParams.instant("expected_close_to", closeTo),
                        provider,
                        q,
                        QueryParams.integer("limit", limit),
                        cursor));
        return new LeadPage(page.items().stream().map(LeadResponse::of).toList(), page.nextCursor());
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getLead",
            description =
                    "Who may call: ADMIN, RESTRICTED_ADMIN; PARTNER and DISTRIBUTOR users within their scope; FULFILLER: 403.",
            summary = "Read a lead; include=activities,notes,status_history embeds them")
    @APIResponseSchema(value = LeadResponse.class, responseCode = "200", responseDescription = "OK")
    public Response get(@PathParam("id") String rawId, @QueryParam("include") List<String> include) {
        Caller caller = callers.require();
        LeadId id = new LeadId(PathIds.uuid("id", rawId));
        Set<String> wanted = new HashSet<>();
        if (include != null) {
            for (String item : include) {
                for (String part : item.split(",")) {
                    String name = part.strip().toLowerCase(Locale.ROOT);
                    if (name.isEmpty()) {
                        continue;
                    }
                    if (!INCLUDES.contains(name)) {
                        throw DomainException.invalid("include", "may contain only activities, notes, status_history");
                    }
                    wanted.add(name);
                }
            }
        }
        Lead lead = leads.get(caller, id);
        return Versions.ok(
                LeadResponse.of(
                        lead,
                        wanted.contains("activities")
                                ? followUp.activities(caller, id, null, EMBEDDED).items().stream()
                                        .map(ActivityResponse::of)
                                        .toList()
                                : null,
                        wanted.contains("notes")
                                ? followUp.notes(caller, id, null, EMBEDDED).items().stream()
                                        .map(NoteResponse::of)
                                        .toList()
                                : null,
                        wanted.contains("status_history")
                                ? leads.history(caller, id).stream()
                                        .map(HistoryResponse::of)
                                        .toList()
                                : null),
                lead.updatedAt());
    }

    @PUT
    @Path("/{id}")
    @Operation(
            operationId = "updateLead",
            description =
                    "Who may call: ADMIN, RESTRICTED_ADMIN; PARTNER and DISTRIBUTOR users within their scope; FULFILLER: 403.",
            summary = "Replace a lead's details (status, owner and company have their own endpoints)")
    @APIResponseSchema(value = LeadResponse.class, responseCode = "200", responseDescription = "OK")
    public Response update(
            @PathParam("id") String id,
            @Valid @NotNull UpdateLeadRequest request,
            @HeaderParam("If-Match") String ifMatch) {
        return withEtag(leads.update(
                callers.require(), new LeadId(PathIds.uuid("id", id)), request.details(), Versions.ifMatch(ifMatch)));
    }

    @PUT
    @Path("/{id}/owner")
    @Operation(
            operationId = "reassignLead",
            description = "Who may call: ADMIN only.",
            summary = "Reassign the lead to another user (ADMIN)")
    @APIResponseSchema(value = LeadResponse.class, responseCode = "200", responseDescription = "OK")
    public Response reassign(
            @PathParam("id") String id, @Valid @NotNull OwnerRequest request, @HeaderParam("If-Match") String ifMatch) {
        return withEtag(leads.reassign(
                callers.require(),
                new LeadId(PathIds.uuid("id", id)),
                new UserId(request.ownerId()),
                Versions.ifMatch(ifMatch)));
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            operationId = "deleteLead",
            description = "Who may call: ADMIN only.",
            summary = "Delete a lead (ADMIN); a lead with orders cannot be deleted")
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        leads.delete(callers.require(), new LeadId(PathIds.uuid("id", id)), Versions.ifMatch(ifMatch));
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/status")
    @Operation(
            operationId = "changeLeadStatus",
            description =
                    "Who may call: ADMIN, RESTRICTED_ADMIN; PARTNER and DISTRIBUTOR users within their scope; FULFILLER: 403. Reopening a lost lead: ADMIN, RESTRICTED_ADMIN or the lead's owner.",
            summary = "Move the lead along the pipeline with a reason; an illegal move is a 422 naming from and to")
    @APIResponseSchema(value = LeadResponse.class, responseCode = "200", responseDescription = "OK")
    public Response changeStatus(
            @PathParam("id") String id,
            @Valid @NotNull StatusRequest request,
            @HeaderParam("If-Match") String ifMatch) {
        return withEtag(leads.changeStatus(
                callers.require(),
                new LeadId(PathIds.uuid("id", id)),
                request.status(),
                request.reason(),
                Versions.ifMatch(ifMatch)));
    }

    @GET
    @Path("/{id}/status-history")
    @Operation(
            operationId = "listLeadStatusHistory",
            summary = "List lead status history",
            description =
                    "Who may call: ADMIN, RESTRICTED_ADMIN; PARTNER and DISTRIBUTOR users within their scope; FULFILLER: 403.")
    public HistoryList history(@PathParam("id") String id) {
        return new HistoryList(leads.history(callers.require(), new LeadId(PathIds.uuid("id", id))).stream()
                .map(HistoryResponse::of)
                .toList());
    }

    @POST
    @Path("/{id}/convert")
    @Operation(
            operationId = "convertLead",
            description = "Who may call: ADMIN, RESTRICTED_ADMIN, and PARTNER users for their own partner.",
            summary = "Convert a won lead into an order with the items given; the order keeps lead_id")
    @APIResponseSchema(value = OrderResponse.class, responseCode = "201", responseDescription = "Created")
    public Response convert(
            @PathParam("id") String id,
            @Valid @NotNull OrderRequests.ConvertLead request,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return OrderResponse.created(orders.convertLead(new PlaceOrderUseCase.ConvertLeadCommand(
                callers.require(),
                new LeadId(PathIds.uuid("id", id)),
                request.taxRate(),
                OrderRequests.items(request.items()),
                idempotencyKey)));
    }

    @POST
    @Path("/{id}/activities")
    @Operation(
            operationId = "addLeadActivity",
            summary = "Add lead activity",
            description =
                    "Who may call: ADMIN, RESTRICTED_ADMIN; PARTNER and DISTRIBUTOR users within their scope; FULFILLER: 403.")
    @APIResponseSchema(value = ActivityResponse.class, responseCode = "201", responseDescription = "Created")
    public Response addActivity(
            @PathParam("id") String id,
            @Valid @NotNull ActivityRequest request,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        UUID leadId = PathIds.uuid("id", id);
        var created = followUp.addActivity(
                callers.require(),
                new LeadId(leadId),
                command(request),
                IdempotencyKeys.of(idempotencyKey, leadId, request));
        ActivityResponse a = ActivityResponse.of(created.value());
        return IdempotencyKeys.created(URI.create("/api/v1/leads/" + leadId + "/activities/" + a.id()), created, a)
                .build();
    }

    @GET
    @Path("/{id}/activities")
    @Operation(
            operationId = "listLeadActivities",
            summary = "List lead activities",
            description =
                    "Who may call: ADMIN, RESTRICTED_ADMIN; PARTNER and DISTRIBUTOR users within their scope; FULFILLER: 403.")
    public ActivityList activities(
            @PathParam("id") String id, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        var page = followUp.activities(
                callers.require(), new LeadId(PathIds.uuid("id", id)), cursor, QueryParams.integer("limit", limit));
        return new ActivityList(page.items().stream().map(ActivityResponse::of).toList(), page.nextCursor());
    }

    @PUT
    @Path("/{id}/activities/{activity_id}")
    @Operation(
            operationId = "updateLeadActivity",
            summary = "Update lead activity",
            description =
                    "Who may call: ADMIN, RESTRICTED_ADMIN; PARTNER and DISTRIBUTOR users within their scope; FULFILLER: 403.")
    @APIResponseSchema(value = ActivityResponse.class, responseCode = "200", responseDescription = "OK")
    public Response updateActivity(
            @PathParam("id") String id,
            @PathParam("activity_id") String activityId,
            @Valid @NotNull ActivityRequest request,
            @HeaderParam("If-Match") String ifMatch) {
        return withEtag(followUp.updateActivity(
                callers.require(),
                new LeadId(PathIds.uuid("id", id)),
                new LeadActivityId(PathIds.uuid("activity_id", activityId)),
                command(request),
                Versions.ifMatch(ifMatch)));
    }

    @GET
    @Path("/{id}/activities/{activity_id}")
    @Operation(
            operationId = "getLeadActivity",
            summary = "Get lead activity",
            description =
                    "Who may call: ADMIN, RESTRICTED_ADMIN; PARTNER and DISTRIBUTOR users within their scope; FULFILLER: 403.")
    @APIResponseSchema(value = ActivityResponse.class, responseCode = "200", responseDescription = "OK")
    public Response activity(@PathParam("id") String id, @PathParam("activity_id") String activityId) {
        return withEtag(followUp.activity(
                callers.require(),
                new LeadId(PathIds.uuid("id", id)),
                new LeadActivityId(PathIds.uuid("activity_id", activityId))));
    }

    @PUT
    @Path("/{id}/activities/{activity_id}/done")
    @Operation(
            operationId = "markLeadActivityDone",
            description =
                    "Who may call: ADMIN, RESTRICTED_ADMIN; PARTNER and DISTRIBUTOR users within their scope; FULFILLER: 403.",
            summary = "Mark an activity done ({\"done\": true} sets done_at) or undone ({\"done\": false} clears it)")
    @APIResponseSchema(value = ActivityResponse.class, responseCode = "200", responseDescription = "OK")
    public Response markDone(
            @PathParam("id") String id,
            @PathParam("activity_id") String activityId,
            @Valid @NotNull DoneRequest request,
            @HeaderParam("If-Match") String ifMatch) {
        return withEtag(followUp.markActivity(
                callers.require(),
                new LeadId(PathIds.uuid("id", id)),
                new LeadActivityId(PathIds.uuid("activity_id", activityId)),
                request.done(),
                Versions.ifMatch(ifMatch)));
    }

    @DELETE
    @Path("/{id}/activities/{activity_id}")
    @Operation(
            operationId = "deleteLeadActivity",
            summary = "Delete lead activity",
            description =
                    "Who may call: ADMIN, RESTRICTED_ADMIN; PARTNER and DISTRIBUTOR users within their scope; FULFILLER: 403.")
    public Response deleteActivity(
            @PathParam("id") String id,
            @PathParam("activity_id") String activityId,
            @HeaderParam("If-Match") String ifMatch) {
        followUp.deleteActivity(
                callers.require(),
                new LeadId(PathIds.uuid("id", id)),
                new LeadActivityId(PathIds.uuid("activity_id", activityId)),
                Versions.ifMatch(ifMatch));
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/notes")
    @Operation(
            operationId = "addLeadNote",
            summary = "Add lead note",
            description =
                    "Who may call: ADMIN, RESTRICTED_ADMIN; PARTNER and DISTRIBUTOR users within their scope; FULFILLER: 403.")
    @APIResponseSchema(value = NoteResponse.class, responseCode = "201", responseDescription = "Created")
    public Response addNote(
            @PathParam("id") String id,
            @Valid @NotNull NoteRequest request,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        UUID leadId = PathIds.uuid("id", id);
        var created = followUp.addNote(
                callers.require(),
                new LeadId(leadId),
                request.content(),
                IdempotencyKeys.of(idempotencyKey, leadId, request));
        NoteResponse n = NoteResponse.of(created.value());
        return IdempotencyKeys.created(URI.create("/api/v1/leads/" + leadId + "/notes/" + n.id()), created, n)
                .build();
    }

    @GET
    @Path("/{id}/notes")
    @Operation(
            operationId = "listLeadNotes",
            summary = "List lead notes",
            description =
                    "Who may call: ADMIN, RESTRICTED_ADMIN; PARTNER and DISTRIBUTOR users within their scope; FULFILLER: 403.")
    public NoteList notes(
            @PathParam("id") String id, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        var page = followUp.notes(
                callers.require(), new LeadId(PathIds.uuid("id", id)), cursor, QueryParams.integer("limit", limit));
        return new NoteList(page.items().stream().map(NoteResponse::of).toList(), page.nextCursor());
    }

    @DELETE
    @Path("/{id}/notes/{note_id}")
    @Operation(
            operationId = "deleteLeadNote",
            summary = "Delete lead note",
            description =
                    "Who may call: ADMIN, RESTRICTED_ADMIN; PARTNER and DISTRIBUTOR users within their scope; FULFILLER: 403.")
    public Response deleteNote(@PathParam("id") String id, @PathParam("note_id") String noteId) {
        followUp.deleteNote(
                callers.require(), new LeadId(PathIds.uuid("id", id)), new LeadNoteId(PathIds.uuid("note_id", noteId)));
        return Response.noContent().build();
    }

    private static LeadFollowUpUseCase.ActivityCommand command(ActivityRequest r) {
        return new LeadFollowUpUseCase.ActivityCommand(
                r.activityType(), r.subject(), r.description(), r.dueDate(), r.done());
    }

    private static Response withEtag(Lead lead) {
        return Versions.ok(LeadResponse.of(lead), lead.updatedAt());
    }

    private static Response withEtag(LeadActivity activity) {
        return Versions.ok(ActivityResponse.of(activity), activity.updatedAt());
    }
}
