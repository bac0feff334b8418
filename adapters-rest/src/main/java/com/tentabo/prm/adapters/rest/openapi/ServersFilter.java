package com.tentabo.prm.adapters.rest.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The servers of the document come from configuration at start ({@code PRM_PUBLIC_URL}); each is marked as meant for
 * the API's clients ({@code x-internal: false}).
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ServersFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getServers() != null) {
            api.getServers().forEach(server -> server.addExtension("x-internal", false));
        }
    }
}
