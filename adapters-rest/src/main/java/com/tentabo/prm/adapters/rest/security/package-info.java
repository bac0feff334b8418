/** Authentication of API requests (bearer JWTs) and the per-request {@link com.tentabo.prm.adapters.rest.security.CallerContext}. */
package com.tentabo.prm.adapters.rest.security;
