/**
 * Housekeeping: rows kept only for a while (login attempts, idempotency keys) are deleted once their retention
 * is over, so that those tables stay small on a system that runs for years.
 */
package com.tentabo.prm.application.housekeeping;
