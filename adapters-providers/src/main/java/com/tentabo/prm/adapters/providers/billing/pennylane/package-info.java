/**
 * The Pennylane billing provider (API v2): issues the quote of a sent order, creating the company customer first when
 * Pennylane does not know it. Only {@link com.tentabo.prm.adapters.providers.billing.pennylane.PennylaneBillingGateway}
 * is visible; Pennylane's payloads stay in this package. See docs/providers.md.
 */
package com.tentabo.prm.adapters.providers.billing.pennylane;
