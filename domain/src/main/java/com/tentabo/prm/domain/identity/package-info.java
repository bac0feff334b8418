/** Accounts: local admin users and provider users. */
package com.tentabo.prm.domain.identity;
