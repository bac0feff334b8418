package com.tentabo.prm.adapters.rest.catalog;

import com.tentabo.prm.adapters.rest.catalog.CatalogJson.ProductBody;
import com.tentabo.prm.adapters.rest.catalog.CatalogJson.ProductResponse;
import com.tentabo.prm.adapters.rest.catalog.CatalogJson.TiersBody;
import com.tentabo.prm.adapters.rest.catalog.CatalogJson.TiersResponse;
import com.tentabo.prm.adapters.rest.security.CallerContext;
import com.tentabo.prm.adapters.rest.shared.IdempotencyKeys;
import com.tentabo.prm.adapters.rest.shared.PageResponse;
import com.tentabo.prm.adapters.rest.shared.PathIds;
import com.tentabo.prm.adapters.rest.shared.QueryParams;
import com.tentabo.prm.adapters.rest.shared.Versions;
import com.tentabo.prm.application.catalog.PageRequest;
import com.tentabo.prm.application.catalog.port.in.BrowseCatalogUseCase;
import com.tentabo.prm.application.catalog.port.in.ManageProductsUseCase;
import com.tentabo.prm.application.catalog.port.in.ManageProductsUseCase.ProductCommand;
import com.tentabo.prm.application.catalog.port.out.ProductRepository;
import com.tentabo.prm.application.shared.Created;
import com.tentabo.prm.domain.catalog.Product;
import com.tentabo.prm.domain.id.ProductId;
import com.tentabo.prm.domain.shared.DomainException;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "catalog")
public class ProductResource {

    private final ManageProductsUseCase manage;
    private final BrowseCatalogUseCase browse;
    private final CallerContext callers;

    public ProductResource(ManageProductsUseCase manage, BrowseCatalogUseCase browse, CallerContext callers) {
        this.manage = manage;
        this.browse = browse;
        this.callers = callers;
    }

    @GET
    @Operation(
            operationId = "listProducts",
            description = "Who may call: Any authenticated caller (every role reads the catalog).",
            summary = "List products, newest first (filters: is_active, type, pricing_mode, q = name contains)")
    public PageResponse<ProductResponse> list(
            @QueryParam("is_active") String active,
            @QueryParam("type") String type,
            @QueryParam("pricing_mode") String mode,
            @QueryParam("q") String q,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        ProductRepository.Filter filter = new ProductRepository.Filter(
                QueryParams.bool("is_active", active),
                type == null || type.isBlank() ? null : type.trim(),
                CatalogJson.mode(mode),
                q == null || q.isBlank() ? null : q.trim());
        return PageResponse.of(
                browse.products(callers.require(), filter, PageRequest.of(QueryParams.limit(limit), cursor)),
                ProductResponse::of);
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getProduct",
            description = "Who may call: Any authenticated caller (every role reads the catalog).",
            summary = "One product with its price tiers")
    @APIResponseSchema(value = ProductResponse.class, responseCode = "200", responseDescription = "OK")
    public Response get(@PathParam("id") String id) {
        return withEtag(browse.product(callers.require(), new ProductId(PathIds.uuid("id", id))), ProductResponse::of);
    }

    @POST
    @Operation(
            operationId = "createProduct",
            description = "Who may call: ADMIN and RESTRICTED_ADMIN.",
            summary = "Create a product (ADMIN, RESTRICTED_ADMIN); price_tiers optional")
    @APIResponseSchema(value = ProductResponse.class, responseCode = "201", responseDescription = "Created")
    public Response create(ProductBody body, @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        Created<Product> result =
                manage.create(callers.require(), command(body), IdempotencyKeys.of(idempotencyKey, body));
        Product created = result.value();
        return IdempotencyKeys.created(
                        URI.create("/api/v1/products/" + created.id()), result, ProductResponse.of(created))
                .tag(Versions.of(created.updatedAt()))
                .build();
    }

    @PUT
    @Path("/{id}")
    @Operation(
            operationId = "updateProduct",
            description = "Who may call: ADMIN and RESTRICTED_ADMIN.",
            summary =
                    "Change a product's attributes (ADMIN, RESTRICTED_ADMIN); price_tiers, when given, replace the set")
    @APIResponseSchema(value = ProductResponse.class, responseCode = "200", responseDescription = "OK")
    public Response update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, ProductBody body) {
        return withEtag(
                manage.update(
                        callers.require(),
                        new ProductId(PathIds.uuid("id", id)),
                        command(body),
                        Versions.ifMatch(ifMatch)),
                ProductResponse::of);
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            operationId = "deleteProduct",
            description = "Who may call: ADMIN and RESTRICTED_ADMIN.",
            summary = "Delete a product no order refers to (else 409 PRODUCT_IN_USE: deactivate it instead)")
    public Response delete(@PathParam("id") String id) {
        manage.delete(callers.require(), new ProductId(PathIds.uuid("id", id)));
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/price-tiers")
    @Operation(
            operationId = "getProductPriceTiers",
            description = "Who may call: Any authenticated caller (every role reads the catalog).",
            summary = "The price tiers of a product, ordered by min_quantity")
    @APIResponseSchema(value = TiersResponse.class, responseCode = "200", responseDescription = "OK")
    public Response tiers(@PathParam("id") String id) {
        return withEtag(browse.product(callers.require(), new ProductId(PathIds.uuid("id", id))), TiersResponse::of);
    }

    @PUT
    @Path("/{id}/price-tiers")
    @Operation(
            operationId = "replaceProductPriceTiers",
            description = "Who may call: ADMIN and RESTRICTED_ADMIN.",
            summary = "Replace the whole tier set at once (422 INVALID_PRICE_TIERS listing every violation)")
    @APIResponseSchema(value = TiersResponse.class, responseCode = "200", responseDescription = "OK")
    public Response replaceTiers(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, TiersBody body) {
        var caller = callers.require();
        if (body == null) {
            throw DomainException.invalid("body", "is required: {\"price_tiers\": [...]}");
        }
        return withEtag(
                manage.replaceTiers(
                        caller,
                        new ProductId(PathIds.uuid("id", id)),
                        CatalogJson.rows(body.priceTiers()),
                        Versions.ifMatch(ifMatch)),
                TiersResponse::of);
    }

    private static Response withEtag(Product product, java.util.function.Function<Product, ?> body) {
        return Response.ok(body.apply(product))
                .tag(Versions.of(product.updatedAt()))
                .build();
    }

    private static ProductCommand command(ProductBody body) {
        if (body == null) {
            throw DomainException.invalid("body", "is required");
        }
        return new ProductCommand(
                body.name(),
                body.type(),
                body.unit(),
                body.description(),
                body.isActive(),
                body.pricingMode(),
                CatalogJson.rows(body.priceTiers()));
    }
}
