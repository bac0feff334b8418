/** The audit trail: every mutation of business data writes one {@code audit_logs} row in its transaction. */
package com.tentabo.prm.application.audit;
