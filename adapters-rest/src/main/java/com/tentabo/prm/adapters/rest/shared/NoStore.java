package com.tentabo.prm.adapters.rest.shared;

import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * Answers that carry a secret shown once (an access token, an invitation link, an API key):
 * {@code Cache-Control: no-store}, so that no browser, proxy or history keeps them.
 */
public final class NoStore {

    public static final String CACHE_CONTROL = "no-store";

    private NoStore() {}

    public static Response ok(Object entity) {
        return Response.ok(entity)
                .header("Cache-Control", CACHE_CONTROL)
                .header("Pragma", "no-cache")
                .build();
    }

    public static Response created(URI location, Object entity) {
        return Response.created(location)
                .entity(entity)
                .header("Cache-Control", CACHE_CONTROL)
                .header("Pragma", "no-cache")
                .build();
    }
}
