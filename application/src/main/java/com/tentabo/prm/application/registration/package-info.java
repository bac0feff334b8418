/**
 * Deal registration and the partner programme: partners register their leads' customers, the check at submission
 * finds other partners' claims (leads, registrations, active contracts), staff decide, a daily job expires lapsed
 * protections, and each partner's programme level prices its orders (docs/registrations.md).
 */
package com.tentabo.prm.application.registration;
