/**
 * What every HTTP answer goes through before and after the resources: request body limit, per-caller rate limits
 * (token buckets kept in memory per instance) with their IETF {@code RateLimit} headers, and security headers.
 */
package com.tentabo.prm.adapters.rest.edge;
