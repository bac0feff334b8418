/**
 * The OpenAPI document as the contract (docs/api.md, "The OpenAPI document"): a build-time filter that makes the
 * scanned document describe the wire exactly — snake_case names, decimals as strings, lower-case enums, the limits the
 * service enforces, the bearer scheme, problem+json errors — for every resource under {@code /api/}, present and
 * future, without per-field annotations.
 */
package com.tentabo.prm.adapters.rest.openapi;
