/**
 * The LDAP auth provider: search-then-bind against the directory of the active AUTH provider of
 * {@code provider_configs} (UnboundID LDAP SDK). Only
 * {@link com.tentabo.prm.adapters.providers.auth.ldap.LdapAuthProviderGateway} is visible; the reading of the
 * configuration and the connections stay in this package. See docs/ldap.md.
 */
package com.tentabo.prm.adapters.providers.auth.ldap;
