package com.tentabo.prm.adapters.rest.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.servers.Server;

/**
 * The document's server comes from configuration when the service starts ({@code prm.api.public-url}, from
 * {@code PRM_PUBLIC_URL}; {@code /}, the host that serves the document, when unset), marked as meant for the API's
 * clients ({@code x-internal: false}), its description naming the environment ({@code prm.api.environment}, from
 * {@code PRM_API_ENVIRONMENT}; {@code production} when unset).
 */
@OpenApiFilter(stages = {OpenApiFilter.RunStage.BUILD, OpenApiFilter.RunStage.RUN})
public class ServersFilter implements OASFilter {

    static final String PUBLIC_URL = "prm.api.public-url";
    /** Which environment the server is (production, staging, local …), said in its description. */
    static final String ENVIRONMENT = "prm.api.environment";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        String url = ConfigProvider.getConfig()
                .getOptionalValue(PUBLIC_URL, String.class)
                .orElse("/");
        String environment = ConfigProvider.getConfig()
                .getOptionalValue(ENVIRONMENT, String.class)
                .orElse("production");
        Server server =
                OASFactory.createServer().url(url).description("The Tentabo PRM API (" + environment + " environment)");
        server.addExtension("x-internal", false);
        api.setServers(List.of(server));
    }
}
