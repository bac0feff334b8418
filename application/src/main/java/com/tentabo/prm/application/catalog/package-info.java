/**
 * Catalog and quotes: use cases to manage products, their price tiers and durations (ADMIN and RESTRICTED_ADMIN,
 * audited), to browse them (any authenticated caller) and to price quotes without storing anything.
 */
package com.tentabo.prm.application.catalog;
