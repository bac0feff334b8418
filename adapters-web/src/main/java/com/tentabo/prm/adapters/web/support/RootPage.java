package com.tentabo.prm.adapters.web.support;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The service's root address leads to the console. */
@Path("/")
public class RootPage {

    @GET
    public Response root() {
        return Response.seeOther(URI.create(Paths.HOME)).build();
    }
}
