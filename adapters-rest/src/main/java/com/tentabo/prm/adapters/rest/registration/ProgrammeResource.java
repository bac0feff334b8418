package com.tentabo.prm.adapters.rest.registration;

import com.tentabo.prm.adapters.rest.registration.RegistrationDtos.AssignRequest;
import com.tentabo.prm.adapters.rest.registration.RegistrationDtos.AssignmentList;
import com.tentabo.prm.adapters.rest.registration.RegistrationDtos.AssignmentResponse;
import com.tentabo.prm.adapters.rest.registration.RegistrationDtos.LevelList;
import com.tentabo.prm.adapters.rest.registration.RegistrationDtos.LevelRequest;
import com.tentabo.prm.adapters.rest.registration.RegistrationDtos.LevelResponse;
import com.tentabo.prm.adapters.rest.registration.RegistrationDtos.ProgressResponse;
import com.tentabo.prm.adapters.rest.security.CallerContext;
import com.tentabo.prm.adapters.rest.shared.IdempotencyKeys;
import com.tentabo.prm.adapters.rest.shared.PathIds;
import com.tentabo.prm.adapters.rest.shared.Versions;
import com.tentabo.prm.application.registration.port.in.ManageProgrammeUseCase;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.ProgrammeLevelId;
import com.tentabo.prm.domain.registration.ProgrammeLevel;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/programme")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "programme")
public class ProgrammeResource {

    private final ManageProgrammeUseCase programme;
    private final CallerContext callers;

    public ProgrammeResource(ManageProgrammeUseCase programme, CallerContext callers) {
        this.programme = programme;
        this.callers = callers;
    }

    @GET
    @Path("/levels")
    @Operation(
            operationId = "listProgrammeLevels",
            description =
                    "Who may call: ADMIN, RESTRICTED_ADMIN, PARTNER and DISTRIBUTOR users (read scope); FULFILLER: 403.",
            summary = "The programme levels, lowest rank first")
    public LevelList levels() {
        return new LevelList(programme.levels(callers.require()).stream()
                .map(LevelResponse::of)
                .toList());
    }

    @POST
    @Path("/levels")
    @Operation(
            operationId = "createProgrammeLevel",
            description = "Who may call: ADMIN and RESTRICTED_ADMIN.",
            summary = "Create a level (ADMIN, RESTRICTED_ADMIN)")
    @APIResponseSchema(value = LevelResponse.class, responseCode = "201", responseDescription = "Created")
    public Response create(@Valid @NotNull LevelRequest request, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        var created = programme.create(callers.require(), request.command(), IdempotencyKeys.of(key, request));
        ProgrammeLevel level = created.value();
        return IdempotencyKeys.created(
                        URI.create("/api/v1/programme/levels/" + level.id()), created, LevelResponse.of(level))
                .tag(Versions.of(level.updatedAt()))
                .build();
    }

    @GET
    @Path("/levels/{id}")
    @Operation(
            operationId = "getProgrammeLevel",
            description = "Who may call: ADMIN, RESTRICTED_ADMIN, PARTNER and DISTRIBUTOR users; FULFILLER: 403.")
    @APIResponseSchema(value = LevelResponse.class, responseCode = "200", responseDescription = "OK")
    public Response level(@PathParam("id") String id) {
        ProgrammeLevel level = programme.level(callers.require(), new ProgrammeLevelId(PathIds.uuid("id", id)));
        return Versions.ok(LevelResponse.of(level), level.updatedAt());
    }

    @PUT
    @Path("/levels/{id}")
    @Operation(
            operationId = "updateProgrammeLevel",
            description = "Who may call: ADMIN and RESTRICTED_ADMIN.",
            summary = "Replace a level's attributes (ADMIN, RESTRICTED_ADMIN)")
    @APIResponseSchema(value = LevelResponse.class, responseCode = "200", responseDescription = "OK")
    public Response update(
            @PathParam("id") String id, @Valid @NotNull LevelRequest request, @HeaderParam("If-Match") String ifMatch) {
        ProgrammeLevel level = programme.update(
                callers.require(),
                new ProgrammeLevelId(PathIds.uuid("id", id)),
                request.command(),
                Versions.ifMatch(ifMatch));
        return Versions.ok(LevelResponse.of(level), level.updatedAt());
    }

    @DELETE
    @Path("/levels/{id}")
    @Operation(
            operationId = "deleteProgrammeLevel",
            description = "Who may call: ADMIN and RESTRICTED_ADMIN.",
            summary = "Delete a level no partner holds or held (ADMIN, RESTRICTED_ADMIN)")
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        programme.delete(callers.require(), new ProgrammeLevelId(PathIds.uuid("id", id)), Versions.ifMatch(ifMatch));
        return Response.noContent().build();
    }

    @PUT
    @Path("/partners/{partner_id}/level")
    @Operation(
            operationId = "assignPartnerLevel",
            description = "Who may call: ADMIN and RESTRICTED_ADMIN.",
            summary = "Put a partner at a level with a reason (ADMIN, RESTRICTED_ADMIN); its history is kept")
    public AssignmentResponse assign(@PathParam("partner_id") String partnerId, @Valid @NotNull AssignRequest request) {
        return AssignmentResponse.of(programme.assign(
                callers.require(),
                new PartnerId(PathIds.uuid("partner_id", partnerId)),
                ProgrammeLevelId.ofNullable(request.levelId()),
                request.reason()));
    }

    @GET
    @Path("/partners/{partner_id}/levels")
    @Operation(
            operationId = "listPartnerLevels",
            description =
                    "Who may call: ADMIN and RESTRICTED_ADMIN; PARTNER and DISTRIBUTOR users for a partner in their scope.",
            summary = "The partner's levels, newest first")
    public AssignmentList history(@PathParam("partner_id") String partnerId) {
        return new AssignmentList(
                programme.history(callers.require(), new PartnerId(PathIds.uuid("partner_id", partnerId))).stream()
                        .map(AssignmentResponse::of)
                        .toList());
    }

    @GET
    @Path("/partners/{partner_id}/progress")
    @Operation(
            operationId = "getPartnerProgress",
            description =
                    "Who may call: ADMIN and RESTRICTED_ADMIN; PARTNER and DISTRIBUTOR users for a partner in their scope.",
            summary = "The partner's level, trailing-12-month figures and what the next level requires")
    public ProgressResponse progress(@PathParam("partner_id") String partnerId) {
        return ProgressResponse.of(
                programme.progress(callers.require(), new PartnerId(PathIds.uuid("partner_id", partnerId))));
    }

    @GET
    @Path("/me")
    @Operation(
            operationId = "getMyProgramme",
            description = "Who may call: PARTNER users (their own partner).",
            summary = "My level and progress (PARTNER users)")
    public ProgressResponse mine() {
        Caller caller = callers.require();
        if (caller.partnerId() == null) {
            throw new DomainException(ErrorCode.PARTNER_NOT_FOUND, "Only a partner user has a programme level");
        }
        return ProgressResponse.of(programme.progress(caller, caller.partnerId()));
    }
}
