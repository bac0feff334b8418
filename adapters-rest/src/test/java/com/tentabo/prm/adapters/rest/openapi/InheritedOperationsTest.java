package com.tentabo.prm.adapters.rest.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

/** What a resource says of the routes it inherits lands on their operations; a route or a text left alone fails. */
class InheritedOperationsTest {

    /** Shared routes, as {@code QueueItemRoutes} declares them. */
    abstract static class Routes {
        @GET
        @Path("/{id}")
        public String item(@PathParam("id") String id) {
            return id;
        }

        @POST
        @Path("/{id}/requeue")
        public String requeue(@PathParam("id") String id) {
            return id;
        }

        /** Not a route: it answers no HTTP method. */
        public String shown(String id) {
            return id;
        }
    }

    @Path("/api/v1/things")
    @InheritedOperation(
            method = "item",
            operationId = "getThing",
            summary = "Get thing",
            description = "Who may call: ADMIN.")
    @InheritedOperation(
            method = "requeue",
            operationId = "requeueThing",
            summary = "Requeue a thing",
            description = "Who may call: ADMIN only.")
    static class ThingResource extends Routes {
        /** Its own route, described by its own {@code @Operation}. */
        @GET
        public List<String> list() {
            return List.of();
        }
    }

    /** Says nothing of {@code requeue}. */
    @Path("/api/v1/things")
    @InheritedOperation(method = "item", operationId = "getQuiet", summary = "Quiet", description = "Who may call: any")
    static class SilentOnRequeue extends Routes {}

    /** One shared route, to say something of a route that is not one. */
    abstract static class OneRoute {
        @GET
        @Path("/{id}")
        public String item(@PathParam("id") String id) {
            return id;
        }
    }

    /** Describes its own route as if it inherited it. */
    @Path("/api/v1/things")
    @InheritedOperation(method = "item", operationId = "getOne", summary = "One", description = "Who may call: any.")
    @InheritedOperation(method = "list", operationId = "listOnes", summary = "Ones", description = "Who may call: any.")
    static class NamingItsOwnRoute extends OneRoute {
        @GET
        public List<String> list() {
            return List.of();
        }
    }

    @Test
    void theTextsLandOnTheInheritedOperations_andWhatTheScanFoundStays() {
        OpenAPI api = scanned();

        InheritedOperations.describe(api, ThingResource.class);

        Operation item = api.getPaths().getPathItem("/api/v1/things/{id}").getGET();
        assertThat(item.getOperationId()).isEqualTo("getThing");
        assertThat(item.getSummary()).isEqualTo("Get thing");
        assertThat(item.getDescription()).isEqualTo("Who may call: ADMIN.");
        assertThat(item.getTags()).containsExactly("things");
        assertThat(item.getParameters()).extracting(Parameter::getName).containsExactly("id");
        assertThat(item.getResponses().getAPIResponse("200")).isNotNull();
        Operation requeue =
                api.getPaths().getPathItem("/api/v1/things/{id}/requeue").getPOST();
        assertThat(requeue.getOperationId()).isEqualTo("requeueThing");
        assertThat(requeue.getDescription()).isEqualTo("Who may call: ADMIN only.");
        assertThat(api.getPaths().getPathItem("/api/v1/things").getGET().getOperationId())
                .isNull();
    }

    @Test
    void anInheritedRouteWithoutItsText_orATextNamingNoInheritedRoute_failsTheBuild() {
        assertThatThrownBy(() -> InheritedOperations.describe(scanned(), SilentOnRequeue.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("SilentOnRequeue says nothing of its inherited route requeue");
        assertThatThrownBy(() -> InheritedOperations.describe(scanned(), NamingItsOwnRoute.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("NamingItsOwnRoute names routes it does not inherit: [list]");
    }

    @Test
    void anInheritedRouteTheDocumentLacks_failsTheBuild() {
        OpenAPI api = OASFactory.createOpenAPI().paths(OASFactory.createPaths());

        assertThatThrownBy(() -> InheritedOperations.describe(api, ThingResource.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the document has no ");
    }

    /** The document as the scan leaves the three routes: tags, parameters and answers, no texts. */
    private static OpenAPI scanned() {
        return OASFactory.createOpenAPI()
                .paths(OASFactory.createPaths()
                        .addPathItem(
                                "/api/v1/things", OASFactory.createPathItem().GET(operation()))
                        .addPathItem(
                                "/api/v1/things/{id}",
                                OASFactory.createPathItem()
                                        .GET(operation()
                                                .addParameter(OASFactory.createParameter()
                                                        .name("id")
                                                        .in(Parameter.In.PATH))))
                        .addPathItem(
                                "/api/v1/things/{id}/requeue",
                                OASFactory.createPathItem().POST(operation())));
    }

    private static Operation operation() {
        return OASFactory.createOperation()
                .tags(List.of("things"))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("OK")));
    }
}
