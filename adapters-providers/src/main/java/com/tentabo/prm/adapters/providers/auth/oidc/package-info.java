/**
 * The OpenID Connect auth provider: verifies ID tokens that the active AUTH provider of {@code provider_configs}
 * issued to a client app (jose4j), against its published key set. Only
 * {@link com.tentabo.prm.adapters.providers.auth.oidc.OidcIdTokenGateway} is visible; the configuration and the key
 * cache stay in this package. See docs/oidc.md.
 */
package com.tentabo.prm.adapters.providers.auth.oidc;
