package com.tentabo.prm.adapters.providers.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;

/** The one {@link HttpClient} the provider gateways share (see {@link JsonHttp#newClient()}). */
@ApplicationScoped
public class ProviderHttpClient {

    @Produces
    @Singleton
    HttpClient httpClient() {
        return JsonHttp.newClient();
    }
}
