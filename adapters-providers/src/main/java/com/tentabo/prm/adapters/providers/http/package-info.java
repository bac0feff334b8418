/**
 * JSON over HTTP for the provider adapters, shared so that every provider sends, times out, reads money and
 * classifies failures the same way: {@link com.tentabo.prm.adapters.providers.http.JsonHttp} makes one call and
 * turns its outcome into a JSON tree or a {@link com.tentabo.prm.application.provider.ProviderFailure};
 * {@link com.tentabo.prm.adapters.providers.http.ProviderDialect} is what differs between providers (their error
 * text and their rate-limit headers); {@link com.tentabo.prm.adapters.providers.http.ProviderConfig} reads the
 * configuration keys every provider shares.
 */
package com.tentabo.prm.adapters.providers.http;
