package com.tentabo.prm.adapters.rest.company;

import com.tentabo.prm.adapters.rest.company.CompanyDtos.CompanyPage;
import com.tentabo.prm.adapters.rest.company.CompanyDtos.CompanyRequest;
import com.tentabo.prm.adapters.rest.company.CompanyDtos.CompanyResponse;
import com.tentabo.prm.adapters.rest.openapi.InheritedOperation;
import com.tentabo.prm.adapters.rest.security.CallerContext;
import com.tentabo.prm.adapters.rest.shared.IdempotencyKeys;
import com.tentabo.prm.adapters.rest.shared.PathIds;
import com.tentabo.prm.adapters.rest.shared.QueryParams;
import com.tentabo.prm.adapters.rest.shared.Versions;
import com.tentabo.prm.application.company.port.in.ManageCompaniesUseCase;
import com.tentabo.prm.application.shared.Created;
import com.tentabo.prm.domain.company.Company;
import com.tentabo.prm.domain.id.CompanyId;
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
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/**
 * The routes partners and distributors share, declared once: create, list, get, replace and delete a company of the
 * collection. {@link PartnerResource} and {@link DistributorResource} extend this class with their path and tag, say
 * what the API document tells of each route for their collection ({@link InheritedOperation}: operation id, summary,
 * who may call), and add the routes only they have (a distributor's assignments).
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public abstract class CompanyRoutes<I extends CompanyId> {

    private final ManageCompaniesUseCase<I> companies;
    private final CallerContext callers;
    private final String collection;
    private final Function<UUID, I> idOf;

    /**
     * @param collection the collection's path ({@code /api/v1/partners}), the base of a created company's location
     * @param idOf       a path's UUID as the collection's typed id
     */
    CompanyRoutes(
            ManageCompaniesUseCase<I> companies, CallerContext callers, String collection, Function<UUID, I> idOf) {
        this.companies = companies;
        this.callers = callers;
        this.collection = collection;
        this.idOf = idOf;
    }

    @POST
    @APIResponseSchema(value = CompanyResponse.class, responseCode = "201", responseDescription = "Created")
    public Response create(
            @Valid @NotNull CompanyRequest request, @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        Created<Company<I>> created =
                companies.create(callers.require(), request.toCommand(), IdempotencyKeys.of(idempotencyKey, request));
        Company<I> company = created.value();
        return IdempotencyKeys.created(
                        URI.create(collection + "/" + company.id()), created, CompanyResponse.of(company))
                .build();
    }

    @GET
    public CompanyPage list(
            @QueryParam("q") String q,
            @QueryParam("is_active") String active,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return CompanyPage.of(companies.list(
                callers.require(),
                q,
                QueryParams.bool("is_active", active),
                QueryParams.integer("limit", limit),
                cursor));
    }

    @GET
    @Path("/{id}")
    @APIResponseSchema(value = CompanyResponse.class, responseCode = "200", responseDescription = "OK")
    public Response get(@PathParam("id") String id) {
        Company<I> company = companies.get(callers.require(), id("id", id));
        return Versions.ok(CompanyResponse.of(company), company.updatedAt());
    }

    @PUT
    @Path("/{id}")
    @APIResponseSchema(value = CompanyResponse.class, responseCode = "200", responseDescription = "OK")
    public Response update(
            @PathParam("id") String id,
            @Valid @NotNull CompanyRequest request,
            @HeaderParam("If-Match") String ifMatch) {
        Company<I> company =
                companies.update(callers.require(), id("id", id), request.toCommand(), Versions.ifMatch(ifMatch));
        return Versions.ok(CompanyResponse.of(company), company.updatedAt());
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        companies.delete(callers.require(), id("id", id), Versions.ifMatch(ifMatch));
        return Response.noContent().build();
    }

    /** The typed id of a path parameter; a malformed UUID is a 400 naming {@code parameter}. */
    final I id(String parameter, String raw) {
        return idOf.apply(PathIds.uuid(parameter, raw));
    }
}
