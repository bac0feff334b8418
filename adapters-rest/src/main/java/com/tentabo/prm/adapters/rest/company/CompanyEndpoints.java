package com.tentabo.prm.adapters.rest.company;

import com.tentabo.prm.adapters.rest.company.CompanyDtos.CompanyPage;
import com.tentabo.prm.adapters.rest.company.CompanyDtos.CompanyRequest;
import com.tentabo.prm.adapters.rest.company.CompanyDtos.CompanyResponse;
import com.tentabo.prm.adapters.rest.security.CallerContext;
import com.tentabo.prm.adapters.rest.shared.IdempotencyKeys;
import com.tentabo.prm.adapters.rest.shared.PathIds;
import com.tentabo.prm.adapters.rest.shared.QueryParams;
import com.tentabo.prm.adapters.rest.shared.Versions;
import com.tentabo.prm.application.company.port.in.ManageCompaniesUseCase;
import com.tentabo.prm.application.shared.Created;
import com.tentabo.prm.domain.company.Company;
import com.tentabo.prm.domain.id.CompanyId;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import java.util.function.Function;

/**
 * The HTTP side of the CRUD partners and distributors share: {@link PartnerResource} and {@link DistributorResource}
 * declare their operations (paths, operation ids, who may call) and hand each request to these methods, so both
 * collections parse, answer and version a company the same way.
 */
final class CompanyEndpoints<I extends CompanyId> {

    private final ManageCompaniesUseCase<I> companies;
    private final CallerContext callers;
    private final String collection;
    private final Function<UUID, I> idOf;

    /**
     * @param collection the collection's path ({@code /api/v1/partners}), the base of a created company's location
     */
    CompanyEndpoints(
            ManageCompaniesUseCase<I> companies, CallerContext callers, String collection, Function<UUID, I> idOf) {
        this.companies = companies;
        this.callers = callers;
        this.collection = collection;
        this.idOf = idOf;
    }

    /** The typed id of a path parameter; a malformed UUID is a 400 naming {@code parameter}. */
    I id(String parameter, String raw) {
        return idOf.apply(PathIds.uuid(parameter, raw));
    }

    Response create(CompanyRequest request, String idempotencyKey) {
        Created<Company<I>> created =
                companies.create(callers.require(), request.toCommand(), IdempotencyKeys.of(idempotencyKey, request));
        Company<I> company = created.value();
        return IdempotencyKeys.created(
                        URI.create(collection + "/" + company.id()), created, CompanyResponse.of(company))
                .build();
    }

    CompanyPage list(String q, String active, String limit, String cursor) {
        return CompanyPage.of(companies.list(
                callers.require(),
                q,
                QueryParams.bool("is_active", active),
                QueryParams.integer("limit", limit),
                cursor));
    }

    Response get(String id) {
        Company<I> company = companies.get(callers.require(), id("id", id));
        return Versions.ok(CompanyResponse.of(company), company.updatedAt());
    }

    Response update(String id, CompanyRequest request, String ifMatch) {
        Company<I> company =
                companies.update(callers.require(), id("id", id), request.toCommand(), Versions.ifMatch(ifMatch));
        return Versions.ok(CompanyResponse.of(company), company.updatedAt());
    }

    Response delete(String id, String ifMatch) {
        companies.delete(callers.require(), id("id", id), Versions.ifMatch(ifMatch));
        return Response.noContent().build();
    }
}
