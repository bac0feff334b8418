package com.tentabo.prm.adapters.rest.shared;

import com.tentabo.prm.domain.access.RequestOrigin;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.HttpHeaders;

/** The client address and user agent of a request, for the audit log. */
public final class Origins {

    private Origins() {}

    public static RequestOrigin of(HttpHeaders headers, HttpServerRequest http) {
        String address = http == null || http.remoteAddress() == null
                ? null
                : http.remoteAddress().hostAddress();
        return new RequestOrigin(address, headers == null ? null : headers.getHeaderString(HttpHeaders.USER_AGENT));
    }
}
