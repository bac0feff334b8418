/** Roles, the authenticated caller and the one access policy (role table and tenant scope). */
package com.tentabo.prm.domain.access;
