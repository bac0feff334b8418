/**
 * The dashboard: the pipeline, orders, revenue and renewals in the caller's scope, each section shown only to the
 * roles that may read what it sums (docs/dashboard.md).
 */
package com.tentabo.prm.application.dashboard;
