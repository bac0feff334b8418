/**
 * Outbound webhooks: the signed POST to an integrator's URL ({@code Tentabo-Signature: t=…,v1=…}, HMAC-SHA256 over
 * {@code <t>.<body>}, the scheme Stripe uses) and the target rules (HTTPS only outside dev; no private, loopback,
 * link-local or otherwise non-public address unless its range is allowed by configuration).
 */
package com.tentabo.prm.adapters.providers.webhook.outbound;
