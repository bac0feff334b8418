/** REST adapter of the catalog: {@code /api/v1/products}, {@code /api/v1/durations}, {@code /api/v1/quotes}. */
package com.tentabo.prm.adapters.rest.catalog;
