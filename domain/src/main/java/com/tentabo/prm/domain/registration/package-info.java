/**
 * Deal registration and the partner programme: the {@link com.tentabo.prm.domain.registration.Registration}
 * aggregate and its explicit state machine, the normalised customer identifiers that conflicts are matched on
 * ({@link com.tentabo.prm.domain.registration.CustomerKeys}) and programme levels
 * ({@link com.tentabo.prm.domain.registration.ProgrammeLevel}). Rules: docs/registrations.md.
 */
package com.tentabo.prm.domain.registration;
