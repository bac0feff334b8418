/** REST resources of identity: {@code /api/v1/users}, {@code /api/v1/admin-users}, {@code /api/v1/auth/api-keys}. */
package com.tentabo.prm.adapters.rest.identity;
